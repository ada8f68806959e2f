using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Training.Engines;

namespace Micrograd.Training;

/// <summary><paramref name="Step"/> counts from 0; losses are from before the step's update; an accuracy is null
/// where the targets are not labels.</summary>
public readonly record struct StepRecord(int Step, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy);

public readonly record struct Evaluation(double Loss, double? Accuracy);

/// <summary>Runs a <see cref="TrainingConfig"/>, each step the lecture's loop (forward, loss, zero the gradients,
/// backward, update) on the engine the config names, chosen once before training starts. The trainer batches,
/// evaluates and loops; the engine computes. <see cref="Train"/> returns a <see cref="TrainedModel"/>.</summary>
public sealed class Trainer
{
    private readonly ITrainingEngine _engine;
    private readonly int[] _order, _batch; // a shuffle of the training examples, and its first BatchSize

    /// <summary>Without <paramref name="data"/>, loads <see cref="TrainingConfig.Dataset"/>. <paramref name="rng"/>
    /// drew the data and draws the weights and batches; null for a new one seeded <see cref="TrainingConfig.Seed"/>.</summary>
    /// <exception cref="ArgumentException">For settings that do not fit each other or the data, or a network
    /// beyond the engine's <see cref="EngineLimits"/> (checked before it is built); see also <see cref="Datasets.Load"/>.</exception>
    public Trainer(TrainingConfig config, DatasetSplits? data = null, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Rng = rng ?? new Rng(config.Seed);
        Data = data ?? Datasets.Load(config.Dataset, config.LabelColumn, Rng);
        if (Data.Train.Count == 0) throw new ArgumentException($"Expected training examples in '{Data.Train.Name}', got none.");
        if (LimitProblem(config, Data) is { } problem) throw new ArgumentException(problem);

        // How to read the outputs follows every split's targets, not the training split's alone.
        Objective = new Objective(config.Loss, config.L2, OutputKinds.For(config.Loss, [.. Data.Train.Targets, .. Data.Validation.Targets, .. Data.Test.Targets]));
        if (config.Network is null) ValidateSplits(config.Layers[^1]);
        _engine = EngineTable.Create(new EngineSetup(config, Data, BatchSize, Objective, Rng));
        if (config.Network is not null) ValidateSplits(_engine.OutputCount);
        _order = BatchSize < Data.Train.Count ? new int[Data.Train.Count] : [];
        _batch = BatchSize < Data.Train.Count ? new int[BatchSize] : [];
    }

    public TrainingConfig Config { get; }

    public Rng Rng { get; }

    public DatasetSplits Data { get; }

    /// <summary>The scalar engines' network of Values, for looking inside it (gradients, graphs).</summary>
    /// <exception cref="InvalidOperationException">On the tensor engine: see <see cref="Network"/> and
    /// <see cref="Predict"/>.</exception>
    public MLP Model => (_engine as ScalarEngine)?.Model ?? throw new InvalidOperationException(
        "Expected a scalar engine for Trainer.Model, but this run trains on the tensor engine: use Network() for its numbers and Predict for its outputs.");

    public Objective Objective { get; }

    public Optimizer Optimizer => _engine.Optimizer;

    /// <summary>The whole training set when <see cref="TrainingConfig.BatchSize"/> is null or larger.</summary>
    public int BatchSize => Math.Min(Config.BatchSize ?? Data.Train.Count, Data.Train.Count);

    public int StepsTaken => Optimizer.StepCount;

    /// <summary>A copy of the network as it is now, whichever engine trains it.</summary>
    public TrainedNetwork Network() => _engine.Snapshot();

    /// <summary>A copy of an MLP's numbers, whichever engine trains it.</summary>
    /// <exception cref="InvalidOperationException">For a network that is not an MLP.</exception>
    public MlpWeights Weights() => Network().Mlp ?? throw new InvalidOperationException(
        $"Expected an MLP for Trainer.Weights(), but this run trains a {Config.Network?.Kind} network: use Network() for its numbers.");

    /// <summary>Without gradients; a scalar network runs as a float64 tensor MLP (equal to rounding, faster).</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return _engine.Predict(inputs);
    }

    public StepRecord Step()
    {
        int step = StepsTaken;
        Evaluation? validation = Config.ValidationEvery > 0 && step % Config.ValidationEvery == 0 && Data.Validation.Count > 0
            ? Evaluate(Data.Validation)
            : null;
        return _engine.Step(step, NextBatch(), validation);
    }

    /// <summary>Up to <see cref="TrainingConfig.Steps"/>; <paramref name="cancel"/> stops between steps.</summary>
    public IReadOnlyList<StepRecord> Run(Action<StepRecord>? onStep = null, CancellationToken cancel = default)
    {
        var history = new List<StepRecord>();
        while (StepsTaken < Config.Steps && !cancel.IsCancellationRequested)
        {
            var record = Step();
            history.Add(record);
            onStep?.Invoke(record);
        }
        return history;
    }

    /// <summary><see cref="Run"/>, then <see cref="Result"/>.</summary>
    public TrainedModel Train(Action<StepRecord>? onStep = null, CancellationToken cancel = default) => Result(Run(onStep, cancel));

    /// <summary>The run as it stands, <paramref name="history"/> its steps: a copy of the network, and each
    /// split's evaluation and outputs.</summary>
    public TrainedModel Result(IReadOnlyList<StepRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        TrainedModel.Split? Of(Dataset split) => split.Count == 0 ? null : new(split, Evaluate(split), Predict(split.Inputs));
        return new TrainedModel(Config, Data, Objective, BatchSize, StepsTaken, history, Network(),
            Of(Data.Train)!, Of(Data.Validation), Of(Data.Test));
    }

    /// <summary>No gradients are computed.</summary>
    public Evaluation Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("Expected examples to evaluate, got none.", nameof(data));
        return _engine.Evaluate(data);
    }

    /// <summary>For a run whose user named none: the config's engine if within its <see cref="EngineLimits"/>,
    /// else the tensor engine if within that one's.</summary>
    /// <returns>Why in words when it is not the config's own engine.</returns>
    public static (EngineKind Engine, string? Why) ChooseEngine(TrainingConfig config, DatasetSplits data)
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

    private void ValidateSplits(int outputs)
    {
        foreach (var part in new[] { Data.Train, Data.Validation, Data.Test }) Objective.Validate(part, outputs);
    }

    // The scalar engines' largest graph is one pass over the largest split (Evaluate, or a full-batch step);
    // the tensor engine's largest arrays are one step's batch (it evaluates in chunks). A network of modules is
    // checked as it is built (ModuleBudget, then its units).
    private static string? LimitProblem(TrainingConfig config, DatasetSplits data)
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

    // The first BatchSize of a fresh shuffle of 0..n-1, drawn alike by every engine; null for the full batch.
    private int[]? NextBatch()
    {
        if (BatchSize == Data.Train.Count) return null;
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        Rng.Shuffle(_order);
        Array.Copy(_order, _batch, BatchSize);
        return _batch;
    }
}
