using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>The words the command line uses for the library's enums, both ways.</summary>
internal static class Names
{
    /// <summary>The --loss words.</summary>
    public static readonly string[] Losses = ["sse", "mse", "hinge", "cross-entropy"];

    /// <summary>The --activation words.</summary>
    public static readonly string[] Activations = ["relu", "tanh", "sigmoid", "linear"];

    /// <summary>The --optimizer words.</summary>
    public static readonly string[] Optimizers = ["sgd", "adamw"];

    /// <summary>The --engine words.</summary>
    public static readonly string[] Engines = ["dynamic", "tape"];

    /// <summary>A --loss word as a <see cref="LossKind"/>.</summary>
    public static LossKind Loss(string word) => word switch
    {
        "sse" => LossKind.SumSquaredError,
        "mse" => LossKind.MeanSquaredError,
        "hinge" => LossKind.Hinge,
        "cross-entropy" => LossKind.CrossEntropy,
        _ => throw new CliException($"--loss: expected {Commands.OptionKinds.Alternatives(Losses)}, got '{word}'."),
    };

    /// <summary>The --loss word of a <see cref="LossKind"/>.</summary>
    public static string Of(LossKind loss) => loss switch
    {
        LossKind.SumSquaredError => "sse",
        LossKind.MeanSquaredError => "mse",
        LossKind.Hinge => "hinge",
        _ => "cross-entropy",
    };

    /// <summary>The --engine word of an <see cref="Micrograd.Training.Engine"/>.</summary>
    public static string Of(Engine engine) => engine == Micrograd.Training.Engine.Tape ? "tape" : "dynamic";

    /// <summary>An --optimizer word as an <see cref="OptimizerKind"/>.</summary>
    public static OptimizerKind Optimizer(string word) => word == "adamw" ? OptimizerKind.AdamW : OptimizerKind.Sgd;

    /// <summary>An --engine word as an <see cref="Micrograd.Training.Engine"/>.</summary>
    public static Engine Engine(string word) => word == "tape" ? Micrograd.Training.Engine.Tape : Micrograd.Training.Engine.Dynamic;

    /// <summary>An --activation word as an <see cref="Activation"/>.</summary>
    public static Activation Activation(string word) => Micrograd.Nn.Activations.Parse(word);
}
