using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>How to read a model's outputs, saved in the model's notes so that <c>predict</c> and the plots
/// agree with training.</summary>
internal enum OutputKind
{
    /// <summary>One score; its sign is the label, -1 or +1 (hinge loss, or squared error on ±1 targets).</summary>
    Sign,
    /// <summary>One output per class; the largest is the predicted class 0, 1, ... (cross-entropy).</summary>
    ArgMax,
    /// <summary>One number predicted as it is (regression).</summary>
    Value,
}

/// <summary>Reads and names <see cref="OutputKind"/>s.</summary>
internal static class OutputMeaning
{
    /// <summary>What the outputs of a model trained with <paramref name="loss"/> on
    /// <paramref name="train"/> mean.</summary>
    public static OutputKind For(LossKind loss, Dataset train) => loss switch
    {
        LossKind.CrossEntropy => OutputKind.ArgMax,
        LossKind.Hinge => OutputKind.Sign,
        _ => train.Targets.All(t => t is 1.0 or -1.0) ? OutputKind.Sign : OutputKind.Value,
    };

    /// <summary>The predicted label or class for one example's outputs; null for regression.</summary>
    public static double? Predict(OutputKind kind, IReadOnlyList<double> outputs) => kind switch
    {
        OutputKind.Sign => outputs[0] > 0 ? 1 : -1,
        OutputKind.ArgMax => Objective.ArgMax(outputs),
        _ => null,
    };

    /// <summary>The word stored in the model's notes.</summary>
    public static string Name(OutputKind kind) => kind switch
    {
        OutputKind.Sign => "sign",
        OutputKind.ArgMax => "argmax",
        _ => "value",
    };

    /// <summary>Reads the word stored in the model's notes; null when absent or unknown.</summary>
    public static OutputKind? Parse(string? name) => name switch
    {
        "sign" => OutputKind.Sign,
        "argmax" => OutputKind.ArgMax,
        "value" => OutputKind.Value,
        _ => null,
    };

    /// <summary>A label as people write it: "+1", "-1", or a class index.</summary>
    public static string FormatLabel(OutputKind kind, double label) =>
        kind == OutputKind.Sign ? (label > 0 ? "+1" : "-1") : Text.Numbers.RoundTrip(label);
}
