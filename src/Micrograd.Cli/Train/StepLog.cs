using System.Text;
using Micrograd.Cli.Text;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>The --log file: one CSV row per step, in the order the steps ran.</summary>
internal static class StepLog
{
    /// <summary>The header, exactly; scripts rely on it.</summary>
    public const string Header = "step,train_loss,train_accuracy,val_loss,val_accuracy";

    /// <summary>The CSV text for <paramref name="history"/>: the step (from 0), the training loss computed
    /// before that step's update, and the accuracy and validation numbers, empty where not computed.</summary>
    public static string Write(IEnumerable<StepRecord> history)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var r in history)
        {
            csv.Append(r.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
               .Append(Numbers.RoundTrip(r.TrainLoss)).Append(',')
               .Append(Optional(r.TrainAccuracy)).Append(',')
               .Append(Optional(r.ValidationLoss)).Append(',')
               .Append(Optional(r.ValidationAccuracy)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Optional(double? x) => x is { } v ? Numbers.RoundTrip(v) : "";
}
