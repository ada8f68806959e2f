using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Models;

/// <summary>
/// The notes <c>train</c> saves beside a model (<see cref="ModelFile.Save"/>) and <c>predict</c> and
/// <c>graph</c> read back: what the inputs are called and how the outputs are read. docs/cli.md lists them.
/// </summary>
internal static class ModelNotes
{
    public const string Preset = "preset";
    public const string Dataset = "dataset";
    public const string Label = "label";
    public const string Inputs = "inputs";
    public const string Outputs = "outputs";
    public const string Classes = "classes";
    public const string Loss = "loss";
    public const string Steps = "steps";
    public const string Seed = "seed";
    public const string TrainLoss = "train_loss";
    public const string TrainAccuracy = "train_accuracy";

    /// <summary>The notes for the model of <paramref name="trainer"/>, which scored <paramref name="final"/>
    /// on its training set after training.</summary>
    public static Dictionary<string, string> For(Trainer trainer, Evaluation final)
    {
        var config = trainer.Config;
        var train = trainer.Data.Train;
        var kind = trainer.Objective.Outputs;
        var notes = new Dictionary<string, string>
        {
            [Preset] = config.Name,
            [Dataset] = config.Dataset,
            [Inputs] = string.Join(",", train.InputNames),
            [Outputs] = KindNames.Outputs.Of(kind),
            [Loss] = KindNames.Losses.Of(config.Loss),
            [Steps] = config.Steps.ToString(CultureInfo.InvariantCulture),
            [Seed] = config.Seed.ToString(CultureInfo.InvariantCulture),
            [TrainLoss] = Numbers.RoundTrip(final.Loss),
        };
        if (config.LabelColumn is { } label) notes[Label] = label;
        if (kind != OutputKind.Value)
            notes[Classes] = string.Join(",", train.Targets.Distinct().Order().Select(t => FormatLabel(kind, t)));
        if (final.Accuracy is { } accuracy) notes[TrainAccuracy] = Numbers.RoundTrip(accuracy);
        return notes;
    }

    /// <summary>The input names of a loaded model: from its notes when they fit, else x1, x2, ...</summary>
    public static IReadOnlyList<string> InputNames(LoadedNetwork loaded) =>
        NotedInputNames(loaded) ?? Enumerable.Range(1, loaded.Input.Count).Select(i => $"x{i}").ToArray();

    /// <summary>The input names saved in a model's notes, or null when there are none that fit.</summary>
    public static IReadOnlyList<string>? NotedInputNames(LoadedNetwork loaded)
    {
        if (!loaded.Notes.TryGetValue(Inputs, out var text)) return null;
        var names = text.Split(',').Select(s => s.Trim()).ToArray();
        return names.Length == loaded.Input.Count && names.All(s => s.Length > 0) ? names : null;
    }

    /// <summary>How to read a loaded model's outputs: from its notes, else by its shape (one output: a value;
    /// several: classes).</summary>
    public static OutputKind OutputKindOf(LoadedNetwork loaded) =>
        KindNames.Outputs.TryParse(loaded.Notes.GetValueOrDefault(Outputs), out var kind) ? kind
        : loaded.OutputCount > 1 ? OutputKind.ArgMax
        : OutputKind.Value;

    /// <summary>A label as people write it: "+1" or "-1" for a sign, else the class index.</summary>
    public static string FormatLabel(OutputKind kind, double label) =>
        kind == OutputKind.Sign ? (label > 0 ? "+1" : "-1") : Numbers.RoundTrip(label);

    /// <summary>A sign makes two classes; an argmax one per output.</summary>
    public static int ClassCount(OutputKind kind, int outputs) => kind == OutputKind.Sign ? 2 : outputs;

    /// <summary>Class number <paramref name="index"/> (0, 1, ...) as <see cref="FormatLabel"/> writes it: a sign's
    /// class 0 is -1.</summary>
    public static string ClassLabel(OutputKind kind, int index) => FormatLabel(kind, kind == OutputKind.Sign ? 2 * index - 1 : index);
}
