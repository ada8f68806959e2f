using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>One split as a classifier sorted it after training (the validation split, or the training split
/// when there is none): each example's true and predicted class index.</summary>
internal sealed record ClassifiedSplit(Dataset Split, string SplitName, int[] Truth, int[] Predicted, IReadOnlyList<string> ClassNames)
{
    public double Accuracy => (double)Truth.Where((t, i) => t == Predicted[i]).Count() / Math.Max(1, Truth.Length);

    /// <summary>The examples predicted wrongly, in order, with the class predicted for each.</summary>
    public (int Index, int Predicted)[] Mistakes() =>
        [.. Enumerable.Range(0, Truth.Length).Where(i => Truth[i] != Predicted[i]).Select(i => (i, Predicted[i]))];

    public static ClassifiedSplit? Of(TrainedModel model)
    {
        var kind = model.Objective.Outputs;
        if (kind == OutputKind.Regression) return null;
        var (checkedSplit, name) = model.Validation is { } v ? (v, "validation") : (model.Train, "training");
        var (split, outputs) = (checkedSplit.Data, checkedSplit.Outputs);
        int classes = Models.ModelNotes.ClassCount(kind, model.Network.OutputCount);
        var names = Enumerable.Range(0, classes).Select(c =>
            kind == OutputKind.ArgMax && split.ClassNames is { } n && c < n.Count ? n[c] : Models.ModelNotes.ClassLabel(kind, c)).ToArray();
        return new ClassifiedSplit(split, name,
            [.. split.Targets.Select(t => kind.ClassIndex(t))],
            [.. outputs.Select(y => kind.ClassIndex(kind.Predict(y)!.Value))],
            names);
    }
}
