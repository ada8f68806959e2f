using System.Globalization;
using System.Text;
using Micrograd.Cli.Models;
using Micrograd.Cli.Plots;
using Micrograd.Cli.Text;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>Every output of a run as bytes in memory: the plots, the model with its notes, the step log.</summary>
internal static class TrainRender
{
    /// <summary>The log's header, exactly; scripts rely on it.</summary>
    public const string LogHeader = "step,train_loss,train_accuracy,val_loss,val_accuracy";

    /// <returns>The files to write, and notes on the pictures left out that a user might look for (the grid of
    /// mistakes, made for images only, goes unmentioned on other data).</returns>
    public static (IReadOnlyList<(string Path, byte[] Bytes)> Files, IReadOnlyList<string> Notes) Render(TrainResults results, TrainOutputs outputs)
    {
        var trained = results.Model;
        var model = trained.Network;
        var kind = trained.Objective.Outputs;
        var files = new List<(string, byte[])>();
        var notes = new List<string>();

        string title = $"{results.Name}: {model.Shape}, {results.History.Count} steps";
        if (model.InputCount == 2)
            files.Add((outputs.Boundary, DecisionBoundary.Render(trained, DecisionTitle(title, kind, results.Train))));
        else
            notes.Add($"note: no decision-boundary plot: the data has {model.InputCount} input{(model.InputCount == 1 ? "" : "s")}, and the plot needs exactly 2.");
        files.Add((outputs.Loss, LossCurve.Render(results.History, $"{results.Name}: training curve of {model.Shape}", results.Validation)));
        files.Add((outputs.Model, Encoding.UTF8.GetBytes(ModelFile.ToJson(model, ModelNotes.For(trained)))));
        if (results.Classes is { } classified)
        {
            files.Add((outputs.Confusion, ConfusionMatrix.Render(classified.Truth, classified.Predicted, classified.ClassNames,
                $"{results.Name}: confusion matrix, {classified.Split.Count} {classified.SplitName} examples, accuracy {Numbers.Percent(classified.Accuracy)}")));
            if (classified.Split.ImageSize is { } size)
            {
                var wrong = classified.Mistakes();
                string shown = wrong.Length > MistakesGrid.MaxShown ? $" (the first {MistakesGrid.MaxShown})" : "";
                files.Add((outputs.Mistakes, MistakesGrid.Render(classified.Split, wrong, classified.ClassNames, size,
                    $"{results.Name}: {wrong.Length} of {classified.Split.Count} {classified.SplitName} images misclassified{shown}, true → predicted")));
            }
        }
        else notes.Add("note: no confusion matrix: the targets are numbers to predict, not classes.");
        if (outputs.Log is { } log) files.Add((log, Encoding.UTF8.GetBytes(StepLog(results.History))));
        return (files, notes);
    }


    private static string DecisionTitle(string title, OutputKind kind, Evaluation train) =>
        kind == OutputKind.Regression ? $"{title}, shaded by the predicted value"
        : train.Accuracy is { } a ? $"{title}, training accuracy {Numbers.Percent(a)}"
        : title;

    // One row per step: the step (from 0), the loss on its batch before its update, and the accuracy and
    // validation numbers, empty where not computed.
    private static string StepLog(IEnumerable<StepRecord> history)
    {
        var csv = new StringBuilder(LogHeader).Append('\n');
        foreach (var r in history)
            csv.Append(r.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(Numbers.RoundTrip(r.TrainLoss)).Append(',')
               .Append(Optional(r.TrainAccuracy)).Append(',')
               .Append(Optional(r.ValidationLoss)).Append(',')
               .Append(Optional(r.ValidationAccuracy)).Append('\n');
        return csv.ToString();
    }

    private static string Optional(double? x) => x is { } v ? Numbers.RoundTrip(v) : "";
}
