using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;

namespace Micrograd.Training;

/// <summary>What one training step measured.</summary>
/// <param name="Step">The step's index, from 0.</param>
/// <param name="TrainLoss">The loss on the step's batch, computed before the step's update.</param>
/// <param name="TrainAccuracy">The accuracy on that batch, where the targets are labels.</param>
/// <param name="ValidationLoss">The validation loss before the update, on steps where it was computed.</param>
/// <param name="ValidationAccuracy">The validation accuracy, likewise.</param>
public readonly record struct StepRecord(int Step, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy);

/// <summary>A loss and an accuracy (null where the targets are not labels).</summary>
public readonly record struct Evaluation(double Loss, double? Accuracy);

/// <summary>
/// Runs a <see cref="TrainingConfig"/>: builds the data, the model and the optimizer from one seeded
/// <see cref="Rng"/>, then takes steps. <see cref="Step"/> is the plain loop of the lecture: forward, loss,
/// zero the gradients, backward, update.
/// </summary>
public sealed class Trainer
{
    private readonly TapeStep? _tape;

    /// <summary>Prepares a run: data (unless given), model and optimizer.</summary>
    /// <param name="config">The run's settings.</param>
    /// <param name="data">The data to use instead of <see cref="TrainingConfig.Dataset"/>.</param>
    /// <exception cref="ArgumentException">For settings that do not fit each other or the data.</exception>
    public Trainer(TrainingConfig config, DatasetSplits? data = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Rng = new Rng(config.Seed);
        Data = data ?? LoadData(config, Rng);
        if (Data.Train.Count == 0) throw new ArgumentException($"Expected training examples in '{Data.Train.Name}', got none.");

        Model = new MLP(Data.Train.InputCount, config.Layers, config.Activation, config.OutputActivation, config.Init, Rng);
        Objective = new Objective(config.Loss, config.L2);
        foreach (var part in new[] { Data.Train, Data.Validation, Data.Test }) Objective.Validate(part, Model.OutputCount);

        Optimizer = config.Optimizer switch
        {
            OptimizerKind.Sgd => new Sgd(Model.Parameters(), config.LearningRate, config.Momentum, config.WeightDecay),
            OptimizerKind.AdamW => new AdamW(Model.Parameters(), config.LearningRate, config.Beta1, config.Beta2, config.Eps, config.WeightDecay),
            _ => throw new ArgumentException($"Unknown optimizer {config.Optimizer}."),
        };
        if (config.DecayLearningRate) Optimizer.Schedule = k => config.LearningRate * (1 - 0.9 * k / config.Steps);

        if (config.Engine == Engine.Tape)
        {
            if (config.BatchSize < Data.Train.Count)
                throw new ArgumentException(
                    $"Expected the full batch ({Data.Train.Count} examples) with the tape engine, got a batch size of {config.BatchSize}: " +
                    "a tape replays one recorded graph, and a minibatch changes the graph's constants. Use the dynamic engine for minibatches.");
            _tape = new TapeStep(Model, Objective, Data.Train);
        }
    }

    /// <summary>The run's settings.</summary>
    public TrainingConfig Config { get; }

    /// <summary>The run's source of randomness (already used for the data and the weights).</summary>
    public Rng Rng { get; }

    /// <summary>The training, validation and test examples.</summary>
    public DatasetSplits Data { get; }

    /// <summary>The network being trained.</summary>
    public MLP Model { get; }

    /// <summary>The loss being minimised.</summary>
    public Objective Objective { get; }

    /// <summary>The optimizer updating <see cref="Model"/>'s parameters.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>How many steps have been taken.</summary>
    public int StepsTaken => Optimizer.StepCount;

    /// <summary>One training step. With the dynamic engine it is exactly the lecture's loop.</summary>
    public StepRecord Step()
    {
        int step = StepsTaken;
        Evaluation? validation = Config.ValidationEvery > 0 && step % Config.ValidationEvery == 0 && Data.Validation.Count > 0
            ? Evaluate(Data.Validation)
            : null;
        if (_tape is not null) return _tape.Run(Optimizer, step, validation);

        var batch = NextBatch();

        // 1. forward: the network's outputs for every example in the batch, then the loss
        var outputs = batch.Inputs.Select(Model.Forward).ToArray();
        var loss = Objective.Loss(outputs, batch.Targets, Model.Parameters());

        // 2. zero the gradients, which would otherwise add up across steps
        Optimizer.ZeroGrad();

        // 3. backward: d(loss)/d(p) for every parameter p, by the chain rule
        loss.Backward();

        // 4. update: move every parameter a little against its gradient
        Optimizer.Step();

        var accuracy = Objective.Accuracy(Numbers(outputs), batch.Targets);
        return new StepRecord(step, loss.Data, accuracy, validation?.Loss, validation?.Accuracy);
    }

    /// <summary>Takes the remaining steps up to <see cref="TrainingConfig.Steps"/>, calling
    /// <paramref name="onStep"/> after each; <paramref name="cancel"/> stops between steps.</summary>
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

    /// <summary>The loss and accuracy of the current model on <paramref name="data"/> (no gradients).</summary>
    public Evaluation Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("Expected examples to evaluate, got none.", nameof(data));
        var outputs = data.Inputs.Select(Model.Forward).ToArray();
        var loss = Objective.Loss(outputs, data.Targets, Model.Parameters());
        return new Evaluation(loss.Data, Objective.Accuracy(Numbers(outputs), data.Targets));
    }

    /// <summary>The data a configuration names: a built-in dataset drawn from <paramref name="rng"/>, or a
    /// CSV file (all of it for training).</summary>
    public static DatasetSplits LoadData(TrainingConfig config, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Datasets.Names.Contains(config.Dataset.ToLowerInvariant())) return Datasets.ByName(config.Dataset, rng);
        if (config.LabelColumn is null)
            throw new ArgumentException($"Expected a label column for the CSV dataset '{config.Dataset}' (built-in datasets: {string.Join(", ", Datasets.Names)}).");
        return Datasets.TrainOnly(Csv.Load(config.Dataset, config.LabelColumn));
    }

    // The outputs' Data, for the accuracy.
    private static double[][] Numbers(Value[][] outputs) => outputs.Select(o => o.Select(v => v.Data).ToArray()).ToArray();

    private Dataset NextBatch()
    {
        var train = Data.Train;
        if (Config.BatchSize is not { } size || size >= train.Count) return train;
        var order = Enumerable.Range(0, train.Count).ToArray();
        Rng.Shuffle(order);
        return train.Select(order[..size]);
    }
}
