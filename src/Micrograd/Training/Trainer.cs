using Micrograd.Data;
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
        if (EngineChoice.LimitProblem(config, Data) is { } problem) throw new ArgumentException(problem);

        // How to read the outputs follows every split's targets, not the training split's alone.
        Objective = new Objective(config.Loss, config.L2, OutputKinds.For(config.Loss, [.. Data.Train.Targets, .. Data.Validation.Targets, .. Data.Test.Targets]));
        Engine = EngineTable.Create(new EngineSetup(config, Data, BatchSize, Objective, Rng));
        ValidateSplits(Engine.OutputCount);
        _order = BatchSize < Data.Train.Count ? new int[Data.Train.Count] : [];
        _batch = BatchSize < Data.Train.Count ? new int[BatchSize] : [];
    }

    public TrainingConfig Config { get; }

    public Rng Rng { get; }

    public DatasetSplits Data { get; }

    public Objective Objective { get; }

    public Optimizer Optimizer => Engine.Optimizer;

    /// <summary>The whole training set when <see cref="TrainingConfig.BatchSize"/> is null or larger.</summary>
    public int BatchSize => Math.Min(Config.BatchSize ?? Data.Train.Count, Data.Train.Count);

    public int StepsTaken => Optimizer.StepCount;

    /// <summary>A copy of the network as it is now, whichever engine trains it.</summary>
    public TrainedNetwork Network() => Engine.Snapshot();

    /// <summary>The engine chosen for this run (see <see cref="TrainerMlp"/> for an MLP's views of it).</summary>
    internal ITrainingEngine Engine { get; }

    /// <summary>Without gradients; a scalar network runs as a float64 tensor MLP (equal to rounding, faster).</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Engine.Predict(inputs);
    }

    public StepRecord Step()
    {
        int step = StepsTaken;
        Evaluation? validation = Config.ValidationEvery > 0 && step % Config.ValidationEvery == 0 && Data.Validation.Count > 0
            ? Evaluate(Data.Validation)
            : null;
        return Engine.Step(step, NextBatch(), validation);
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
        return Engine.Evaluate(data);
    }

    private void ValidateSplits(int outputs)
    {
        foreach (var part in new[] { Data.Train, Data.Validation, Data.Test }) Objective.Validate(part, outputs);
    }


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
