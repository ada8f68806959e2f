using System.Globalization;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// The notes <c>train</c> saves beside a model (<see cref="ModelFile.Save"/>) so that <c>predict</c> can
/// interpret it: what the inputs are called and how the outputs are read.
/// </summary>
internal static class ModelNotes
{
    /// <summary>The preset or "custom".</summary>
    public const string Preset = "preset";
    /// <summary>The built-in dataset or CSV path.</summary>
    public const string Dataset = "dataset";
    /// <summary>The CSV column that held the target.</summary>
    public const string Label = "label";
    /// <summary>The input names, comma-separated, in order.</summary>
    public const string Inputs = "inputs";
    /// <summary>How to read the outputs: sign, argmax or value (<see cref="OutputKind"/>).</summary>
    public const string Outputs = "outputs";
    /// <summary>The labels or classes seen in training, comma-separated.</summary>
    public const string Classes = "classes";
    /// <summary>The loss: sse, mse, hinge or cross-entropy.</summary>
    public const string Loss = "loss";
    /// <summary>The number of steps trained.</summary>
    public const string Steps = "steps";
    /// <summary>The run's seed.</summary>
    public const string Seed = "seed";
    /// <summary>The loss on the training set after training.</summary>
    public const string TrainLoss = "train_loss";
    /// <summary>The accuracy on the training set after training, where the targets are labels.</summary>
    public const string TrainAccuracy = "train_accuracy";

    /// <summary>The notes for a trained model.</summary>
    public static Dictionary<string, string> For(TrainingConfig config, Trainer trainer, OutputKind kind, Evaluation final)
    {
        var train = trainer.Data.Train;
        var notes = new Dictionary<string, string>
        {
            [Preset] = config.Name,
            [Dataset] = config.Dataset,
            [Inputs] = string.Join(",", train.InputNames),
            [Outputs] = OutputMeaning.Name(kind),
            [Loss] = Names.Of(config.Loss),
            [Steps] = config.Steps.ToString(CultureInfo.InvariantCulture),
            [Seed] = config.Seed.ToString(CultureInfo.InvariantCulture),
            [TrainLoss] = Text.Numbers.RoundTrip(final.Loss),
        };
        if (config.LabelColumn is { } label) notes[Label] = label;
        if (kind != OutputKind.Value)
            notes[Classes] = string.Join(",", train.Targets.Distinct().Order().Select(t => OutputMeaning.FormatLabel(kind, t)));
        if (final.Accuracy is { } accuracy) notes[TrainAccuracy] = Text.Numbers.RoundTrip(accuracy);
        return notes;
    }

    /// <summary>The input names of a loaded model: from its notes when they fit, else x1, x2, ...</summary>
    public static IReadOnlyList<string> InputNames(LoadedModel loaded) =>
        NotedInputNames(loaded) ?? Enumerable.Range(1, loaded.Model.InputCount).Select(i => $"x{i}").ToArray();

    /// <summary>The input names saved in a model's notes, or null when there are none that fit.</summary>
    public static IReadOnlyList<string>? NotedInputNames(LoadedModel loaded)
    {
        if (!loaded.Notes.TryGetValue(Inputs, out var text)) return null;
        var names = text.Split(',').Select(s => s.Trim()).ToArray();
        return names.Length == loaded.Model.InputCount && names.All(s => s.Length > 0) ? names : null;
    }

    /// <summary>How to read a loaded model's outputs: from its notes, else by its shape (one output: a value;
    /// several: classes).</summary>
    public static OutputKind OutputKindOf(LoadedModel loaded) =>
        OutputMeaning.Parse(loaded.Notes.GetValueOrDefault(Outputs)) is { } kind
            ? kind
            : loaded.Model.OutputCount > 1 ? OutputKind.ArgMax : OutputKind.Value;
}
