using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// The settings for a CSV dataset given without --preset, inferred from its targets:
/// labels -1/+1 train like moons (hinge loss); whole numbers 0..k-1 with every class present (2 &lt;= k &lt;= 20)
/// train like yinyang with k outputs (cross-entropy); anything else is regression (mean squared error).
/// </summary>
internal static class CsvDefaults
{
    /// <summary>The largest number of distinct whole-number targets still read as classes rather than as a
    /// quantity to regress.</summary>
    public const int MaxClasses = 20;

    /// <summary>The configuration for <paramref name="data"/> and a phrase saying where it came from.</summary>
    public static (TrainingConfig Config, string From) For(Dataset data)
    {
        var targets = data.Targets;
        if (targets.All(t => t is 1.0 or -1.0))
            return (Presets.Moons with { Name = "csv" }, "the moons preset (the CSV's labels are -1 and +1: hinge loss)");

        if (ClassCount(targets) is int k)
            return (Presets.YinYang with { Name = "csv", Layers = [8, k] },
                $"the yinyang preset with {k} outputs (the CSV's labels are classes 0 to {k - 1}: cross-entropy)");

        return (new TrainingConfig
        {
            Name = "csv",
            Layers = [16, 16, 1],
            Activation = Activation.ReLU,
            OutputActivation = Activation.Linear,
            Loss = LossKind.MeanSquaredError,
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 0.01,
            WeightDecay = 0,
            Steps = 100,
            Seed = Rng.DefaultSeed,
        }, "regression defaults (the CSV's targets are not labels: mean squared error, AdamW lr 0.01)");
    }

    /// <summary>k when the targets are the whole numbers 0..k-1, each present, with 2 &lt;= k &lt;= <see cref="MaxClasses"/>.</summary>
    public static int? ClassCount(IReadOnlyList<double> targets)
    {
        if (targets.Count == 0 || targets.Any(t => t < 0 || t != Math.Floor(t) || t >= MaxClasses)) return null;
        var distinct = targets.Distinct().Count();
        int k = (int)targets.Max() + 1;
        return k >= 2 && distinct == k ? k : null;
    }
}
