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

    /// <summary>The notes for <paramref name="trainer"/>'s network.</summary>
    public static Dictionary<string, string> For(TrainedModel trainer)
    {
        var final = trainer.Train.Evaluation;
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
            [Steps] = trainer.StepsTaken.ToString(CultureInfo.InvariantCulture), // fewer than asked when interrupted
            [Seed] = config.Seed.ToString(CultureInfo.InvariantCulture),
            [TrainLoss] = Numbers.RoundTrip(final.Loss),
        };
        if (config.LabelColumn is { } label) notes[Label] = label;
        if (kind != OutputKind.Regression)
            notes[Classes] = string.Join(",", Train.TrainPlan.AllTargets(trainer.Data).Distinct().Order().Select(t => FormatLabel(kind, t)));
        if (final.Accuracy is { } accuracy) notes[TrainAccuracy] = Numbers.RoundTrip(accuracy);
        return notes;
    }

    /// <summary>The input names of a loaded model: from its notes when they fit, else x1, x2, ...</summary>
    public static IReadOnlyList<string> InputNames(LoadedNetwork loaded) =>
        NotedInputNames(loaded) ?? Enumerable.Range(1, loaded.Input.Count).Select(i => $"x{i}").ToArray();

    /// <summary>The input names saved in a model's notes, or null when it has none (<see cref="CheckInputNames"/>
    /// has refused notes that do not fit).</summary>
    public static IReadOnlyList<string>? NotedInputNames(LoadedNetwork loaded) =>
        loaded.Notes.TryGetValue(Inputs, out var text) ? text.Split(',').Select(s => s.Trim()).ToArray() : null;

    /// <summary>A model's <c>inputs</c> note must name each input once: a name given twice (in any case, as CSV
    /// columns are matched) would make <c>predict --input</c> read one column into two inputs.</summary>
    /// <exception cref="CliException">For a count that is not the model's, an empty name, or a name given twice,
    /// naming <paramref name="source"/>.</exception>
    public static void CheckInputNames(LoadedNetwork loaded, string source)
    {
        if (!loaded.Notes.TryGetValue(Inputs, out var text)) return;
        var names = text.Split(',').Select(s => s.Trim()).ToArray();
        string note = $"(its \"{Inputs}\" note is \"{Shorten(text)}\")";
        if (names.Length != loaded.Input.Count)
            throw new CliException($"{source}: expected {loaded.Input.Count} input name{(loaded.Input.Count == 1 ? "" : "s")} in the model's notes, one per input, got {names.Length} {note}");
        if (Array.FindIndex(names, n => n.Length == 0) is var empty and >= 0)
            throw new CliException($"{source}: expected a name for every input in the model's notes, got an empty one for input {empty + 1} {note}");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
            if (!seen.TryAdd(names[i], i))
                throw new CliException($"{source}: expected distinct input names in the model's notes (compared without case), got '{names[seen[names[i]]]}' and '{names[i]}' for inputs {seen[names[i]] + 1} and {i + 1} {note}");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>How to read a loaded model's outputs: from its notes, else by its shape (one output: a value;
    /// a row of several: classes; a grid, such as a language model's logits per position: values).</summary>
    public static OutputKind OutputKindOf(LoadedNetwork loaded) =>
        KindNames.Outputs.TryParse(loaded.Notes.GetValueOrDefault(Outputs), out var kind) ? kind
        : loaded.OutputShape.Count == 1 && loaded.OutputCount > 1 ? OutputKind.ArgMax
        : OutputKind.Regression;

    /// <summary>A label as people write it: "+1" or "-1" for a sign, else the class index.</summary>
    public static string FormatLabel(OutputKind kind, double label) =>
        kind == OutputKind.Sign ? (label > 0 ? "+1" : "-1") : Numbers.RoundTrip(label);

    /// <summary>A sign makes two classes; an argmax one per output.</summary>
    public static int ClassCount(OutputKind kind, int outputs) => kind == OutputKind.Sign ? 2 : outputs;

    /// <summary>Class number <paramref name="index"/> (0, 1, ...) as <see cref="FormatLabel"/> writes it: a sign's
    /// class 0 is -1.</summary>
    public static string ClassLabel(OutputKind kind, int index) => FormatLabel(kind, kind == OutputKind.Sign ? 2 * index - 1 : index);
}
