using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;

namespace Micrograd.Training;

/// <summary>What one training step measured: <paramref name="Step"/> counts from 0; the losses are computed
/// before the step's update, on its batch and (on steps where it is computed) on the validation split; an
/// accuracy is null where the targets are not labels.</summary>
public readonly record struct StepRecord(int Step, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy);

public readonly record struct Evaluation(double Loss, double? Accuracy);

/// <summary>Runs a <see cref="TrainingConfig"/>: data, model and optimizer from one seeded <see cref="Data.Rng"/>,
/// then steps, each the lecture's loop: forward, loss, zero the gradients, backward, update.</summary>
public sealed class Trainer
{
    private readonly TapeStep? _tape;

    /// <summary>Prepares a run. Without <paramref name="data"/> it loads <see cref="TrainingConfig.Dataset"/>
    /// (<see cref="Datasets.Load"/>); <paramref name="rng"/> is the generator the data was drawn from, which then
    /// draws the weights and the batches (a new one seeded with <see cref="TrainingConfig.Seed"/> if null).</summary>
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
        CheckLimits(config, Data);

        Model = new MLP(Data.Train.InputCount, config.Layers, config.Activation, config.OutputActivation, config.Init, Rng);
        Objective = new Objective(config.Loss, config.L2, OutputKinds.For(config.Loss, Data.Train.Targets));
        foreach (var part in new[] { Data.Train, Data.Validation, Data.Test }) Objective.Validate(part, Model.OutputCount);

        Optimizer = config.Optimizer switch
        {
            OptimizerKind.Sgd => new Sgd(Model.Parameters(), config.LearningRate, config.Momentum, config.WeightDecay),
            OptimizerKind.AdamW => new AdamW(Model.Parameters(), config.LearningRate, config.Beta1, config.Beta2, config.Eps, config.WeightDecay),
            _ => throw new ArgumentException($"Unknown optimizer {config.Optimizer}."),
        };
        if (config.DecayLearningRate) Optimizer.Schedule = k => config.LearningRate * (1 - 0.9 * k / config.Steps);

        if (config.Engine == EngineKind.Tape)
        {
            if (BatchSize < Data.Train.Count)
                throw new ArgumentException(
                    $"Expected the full batch ({Data.Train.Count} examples) with the tape engine, got a batch size of {BatchSize}: " +
                    "a tape replays one recorded graph, and a minibatch changes the graph's constants. Use the dynamic engine for minibatches.");
            _tape = new TapeStep(Model, Objective, Data.Train);
        }
    }

    public TrainingConfig Config { get; }

    public Rng Rng { get; }

    public DatasetSplits Data { get; }

    public MLP Model { get; }

    public Objective Objective { get; }

    public Optimizer Optimizer { get; }

    /// <summary>The whole training set when <see cref="TrainingConfig.BatchSize"/> is null or larger.</summary>
    public int BatchSize => Math.Min(Config.BatchSize ?? Data.Train.Count, Data.Train.Count);

    public int StepsTaken => Optimizer.StepCount;

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

    /// <summary>No gradients are computed.</summary>
    public Evaluation Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("Expected examples to evaluate, got none.", nameof(data));
        var outputs = data.Inputs.Select(Model.Forward).ToArray();
        var loss = Objective.Loss(outputs, data.Targets, Model.Parameters());
        return new Evaluation(loss.Data, Objective.Accuracy(Numbers(outputs), data.Targets));
    }

    // The largest graph a run builds is one pass over its largest split (Evaluate, or a full-batch step).
    private static void CheckLimits(TrainingConfig config, DatasetSplits data)
    {
        var limits = EngineLimits.Of(config.Engine);
        string engine = KindNames.Engines.Of(config.Engine);
        long parameters = MLP.ParameterCount(data.Train.InputCount, config.Layers);
        string network = $"layers {string.Join(",", config.Layers)} on {data.Train.InputCount} input{(data.Train.InputCount == 1 ? "" : "s")}";
        if (parameters > limits.Parameters)
            throw new ArgumentException($"Expected a network of at most {limits.Parameters:N0} parameters for the {engine} engine, got {parameters:N0} ({network}): every parameter is a Value of its own. Use a smaller network.");
        long examples = Math.Max(data.Train.Count, Math.Max(data.Validation.Count, data.Test.Count));
        if (parameters * examples > limits.ParametersTimesExamples)
            throw new ArgumentException(
                $"Expected at most {limits.ParametersTimesExamples:N0} parameters × examples for the {engine} engine, got {parameters:N0} × {examples:N0} " +
                $"({network}): one pass over the data would build about {2 * parameters * examples:N0} Values. Use a smaller network or fewer examples.");
    }

    private static double[][] Numbers(Value[][] outputs) => outputs.Select(o => o.Select(v => v.Data).ToArray()).ToArray();

    private Dataset NextBatch()
    {
        var train = Data.Train;
        if (BatchSize == train.Count) return train;
        var order = Enumerable.Range(0, train.Count).ToArray();
        Rng.Shuffle(order);
        return train.Select(order[..BatchSize]);
    }
}
