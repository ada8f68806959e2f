using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training.Engines;

namespace Micrograd.Training;

/// <summary>Which engine trains a run, decided once before it starts, and whether the run fits that engine's
/// <see cref="EngineLimits"/>.</summary>
public static class EngineChoice
{
    /// <summary>For a run whose user named none: the config's engine if within its <see cref="EngineLimits"/>,
    /// else the tensor engine if within that one's; a network of modules always trains on the tensor engine.</summary>
    /// <returns>Why in words when it is not the config's own engine.</returns>
    public static (EngineKind Engine, string? Why) Choose(TrainingConfig config, DatasetSplits data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        if (config.Network is not null && config.Engine != EngineKind.Tensor)
            return (EngineKind.Tensor, $"the engine that trains a {config.Network.Kind} network");
        var tensor = config with { Engine = EngineKind.Tensor };
        if (config.Engine == EngineKind.Tensor || LimitProblem(config, data) is null || LimitProblem(tensor, data) is not null)
            return (config.Engine, null);
        var limits = EngineLimits.Of(config.Engine);
        long parameters = MLP.ParameterCount(data.Train.InputCount, config.Layers);
        return (EngineKind.Tensor, parameters > limits.Parameters
            ? $"{parameters:N0} parameters are more than the {KindNames.Engines.Of(config.Engine)} engine takes on ({limits.Parameters:N0})"
            : $"{parameters:N0} parameters × {LargestSplit(data):N0} examples are more than the {KindNames.Engines.Of(config.Engine)} engine takes on ({limits.ParametersTimesExamples:N0})");
    }

    // The scalar engines' largest graph is one pass over the largest split (Evaluate, or a full-batch step);
    // the tensor engine's largest arrays are one step's batch (it evaluates in chunks). A network of modules is
    // checked as it is built (ModuleBudget, then its units).
    internal static string? LimitProblem(TrainingConfig config, DatasetSplits data)
    {
        if (config.Network is not null) return null;
        var limits = EngineLimits.Of(config.Engine);
        string engine = KindNames.Engines.Of(config.Engine);
        int inputs = data.Train.InputCount;
        long parameters = MLP.ParameterCount(inputs, config.Layers);
        string network = $"layers {string.Join(",", config.Layers)} on {inputs} input{(inputs == 1 ? "" : "s")}";
        if (parameters > limits.Parameters)
            return $"Expected a network of at most {limits.Parameters:N0} parameters for the {engine} engine, got {parameters:N0} ({network}). Use a smaller network.";
        long examples = LargestSplit(data);
        if (parameters * examples > limits.ParametersTimesExamples)
            return $"Expected at most {limits.ParametersTimesExamples:N0} parameters × examples for the {engine} engine, got {parameters:N0} × {examples:N0} " +
                   $"({network}): one pass over the data would build about {2 * parameters * examples:N0} Values. Use a smaller network or fewer examples, or the tensor engine.";
        long units = NetworkSize.OfMlp(inputs, config.Layers).Units;
        long batch = Math.Min(config.BatchSize ?? data.Train.Count, data.Train.Count);
        if (units * batch > limits.UnitsTimesExamples)
            return $"Expected at most {limits.UnitsTimesExamples:N0} examples × units (inputs plus neurons) in one step for the {engine} engine, got {batch:N0} × {units:N0} " +
                   $"({network}): a step keeps about 6 numbers per unit per example. Use a smaller batch or a smaller network.";
        return null;
    }

    private static long LargestSplit(DatasetSplits data) => Math.Max(data.Train.Count, Math.Max(data.Validation.Count, data.Test.Count));
}
