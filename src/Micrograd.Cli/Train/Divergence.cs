using Micrograd.Cli.Text;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// A run whose loss or weights became NaN or infinite. It fails, in one line that says at which step and what
/// to try, and writes nothing: a model of NaN weights is worth nothing, and would replace a good one.
/// </summary>
internal static class Divergence
{
    /// <summary>True once training may stop: a loss that is no longer a finite number.</summary>
    public static bool Diverged(StepRecord record) => !double.IsFinite(record.TrainLoss);

    /// <exception cref="TrainingDivergedException">When a loss of the run or a weight of its network is NaN
    /// or infinite.</exception>
    public static void Check(TrainedModel model)
    {
        var (config, history) = (model.Config, model.History);
        string lr = Numbers.Short(config.LearningRate);
        string smaller = $"try a smaller learning rate, such as --lr {Numbers.Short(config.LearningRate / 10)}";
        if (history.FirstOrDefault(Diverged) is { } bad && Diverged(bad))
        {
            string what = double.IsNaN(bad.TrainLoss) ? "NaN" : "infinite";
            if (bad.Step == 0)
                throw new TrainingDivergedException(
                    $"the training loss was {what} at step 1 of {config.Steps}, before any update: the data's numbers are too large for the network " +
                    $"(the largest in size is {Numbers.Short(LargestNumber(model.Data), 3)}); scale the inputs and targets to about -2..2. Nothing was written.");
            throw new TrainingDivergedException(
                $"training diverged: the loss became {what} at step {bad.Step + 1} of {config.Steps} (finite until step {bad.Step}); " +
                $"the learning rate ({lr}) is probably too large for this data: {smaller}. Nothing was written.");
        }
        if (!model.Network.IsFinite)
            throw new TrainingDivergedException(
                $"training diverged: the network's weights became NaN or infinite by step {history.Count} of {config.Steps}, though every loss was finite; " +
                $"the learning rate ({lr}) is probably too large for this data: {smaller}. Nothing was written.");
    }

    private static double LargestNumber(Data.DatasetSplits d)
    {
        return new[] { d.Train, d.Validation, d.Test }
            .SelectMany(s => s.Inputs.SelectMany(r => r).Concat(s.Targets))
            .Select(Math.Abs)
            .DefaultIfEmpty(0)
            .Max();
    }
}

/// <summary>The loss or the weights became NaN or infinite; nothing was written.</summary>
internal sealed class TrainingDivergedException(string message) : CliException(message);
