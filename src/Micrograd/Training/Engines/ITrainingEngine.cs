using Micrograd.Data;
using Micrograd.Optim;

namespace Micrograd.Training.Engines;

/// <summary>What every engine does for a <see cref="Trainer"/>: one step of the lecture's loop on a batch, an
/// evaluation, outputs for rows, and a copy of its network. Built once, before training starts, by
/// <see cref="EngineTable"/>.</summary>
internal interface ITrainingEngine
{
    Optimizer Optimizer { get; }

    int OutputCount { get; }

    /// <summary><paramref name="batch"/>: this step's training examples, in order; null for the full batch.</summary>
    StepRecord Step(int step, int[]? batch, Evaluation? validation);

    /// <summary>No gradients are computed.</summary>
    Evaluation Evaluate(Dataset data);

    double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs);

    /// <summary>A copy of the network's numbers as they are now.</summary>
    TrainedNetwork Snapshot();
}

/// <summary>What an engine is built from. <paramref name="Rng"/> has drawn the data and draws the weights.</summary>
internal sealed record EngineSetup(TrainingConfig Config, DatasetSplits Data, int BatchSize, Objective Objective, Rng Rng)
{
    public bool FullBatch => BatchSize == Data.Train.Count;

    /// <summary>The network to train on tensors: the config's <see cref="TrainingConfig.Network"/>, or the MLP of its
    /// layers (drawn from the Rng as <see cref="Nn.MLP"/> draws it), with <see cref="TrainingConfig.StartFrom"/>'s
    /// numbers when given.</summary>
    /// <exception cref="ArgumentException">For a network beyond the engine's parameter limit (refused before
    /// it is allocated) or starting numbers that do not fit it.</exception>
    public Tensors.Nn.Module<T> BuildNetwork<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var c = Config;
        Tensors.Nn.Module<T> network;
        using (Tensors.Nn.ModuleBudget.Limit(EngineLimits.Of(c.Engine).Parameters))
            network = c.Network is { } spec
                ? Modules.ModuleKinds.Build<T>(spec, Rng)
                : new Tensors.Nn.TensorMLP<T>(Data.Train.InputCount, c.Layers, c.LayerActivations, c.Init, Rng);
        if (c.StartFrom is { } start)
            network.LoadStateDict(start.ToDictionary(p => p.Name, p => p.Data.Select(T.CreateChecked).ToArray()));
        return network;
    }

    /// <summary>The config's optimizer over <paramref name="parameters"/> (Values or tensors), with its schedule.</summary>
    public Optimizer NewOptimizer<TParameter>(IReadOnlyList<TParameter> parameters) where TParameter : class
    {
        var c = Config;
        Optimizer optimizer = (c.Optimizer, parameters) switch
        {
            (OptimizerKind.Sgd, IReadOnlyList<Value> v) => new Sgd(v, c.LearningRate, c.Momentum, c.WeightDecay),
            (OptimizerKind.Sgd, IReadOnlyList<Tensors.Tensor> t) => new Sgd(t, c.LearningRate, c.Momentum, c.WeightDecay),
            (OptimizerKind.AdamW, IReadOnlyList<Value> v) => new AdamW(v, c.LearningRate, c.Beta1, c.Beta2, c.Eps, c.WeightDecay),
            (OptimizerKind.AdamW, IReadOnlyList<Tensors.Tensor> t) => new AdamW(t, c.LearningRate, c.Beta1, c.Beta2, c.Eps, c.WeightDecay),
            _ => throw new ArgumentException($"Unknown optimizer {c.Optimizer}."),
        };
        if (c.DecayLearningRate) optimizer.Schedule = k => c.LearningRate * (1 - 0.9 * k / c.Steps);
        return optimizer;
    }
}
