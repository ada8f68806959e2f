using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary><paramref name="Step"/> counts from 0; losses are from before the step's update; an accuracy is null
/// where the targets are not labels.</summary>
public readonly record struct StepRecord(int Step, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy);

public readonly record struct Evaluation(double Loss, double? Accuracy);

/// <summary>Runs a <see cref="TrainingConfig"/>, each step the lecture's loop: forward, loss, zero the gradients,
/// backward, update. The tensor engine trains a <see cref="TensorMLP{T}"/>; <see cref="Weights"/> and
/// <see cref="Predict"/> serve every engine.</summary>
public sealed class Trainer
{
    private readonly MLP? _model;
    private readonly TapeStep? _tape;
    private readonly ITensorStep? _tensor;
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
        CheckLimits(config, Data);

        // How to read the outputs follows every split's targets, not the training split's alone.
        Objective = new Objective(config.Loss, config.L2, OutputKinds.For(config.Loss, [.. Data.Train.Targets, .. Data.Validation.Targets, .. Data.Test.Targets]));
        foreach (var part in new[] { Data.Train, Data.Validation, Data.Test }) Objective.Validate(part, config.Layers[^1]);

        if (config.Engine == EngineKind.Tensor)
        {
            _tensor = config.Precision == Precision.Float32
                ? new TensorStep<float>(config, Data, BatchSize, Objective, Rng)
                : new TensorStep<double>(config, Data, BatchSize, Objective, Rng);
            Optimizer = NewOptimizer(config, null, _tensor.Parameters);
        }
        else
        {
            _model = new MLP(Data.Train.InputCount, config.Layers, config.Activation, config.OutputActivation, config.Init, Rng);
            Optimizer = NewOptimizer(config, _model.Parameters(), null);
        }
        if (config.DecayLearningRate) Optimizer.Schedule = k => config.LearningRate * (1 - 0.9 * k / config.Steps);
        _order = BatchSize < Data.Train.Count ? new int[Data.Train.Count] : [];
        _batch = BatchSize < Data.Train.Count ? new int[BatchSize] : [];

        if (config.Engine == EngineKind.Tape)
        {
            if (BatchSize < Data.Train.Count)
                throw new ArgumentException(
                    $"Expected the full batch ({Data.Train.Count} examples) with the tape engine, got a batch size of {BatchSize}: " +
                    "a tape replays one recorded graph, and a minibatch changes the graph's constants. Use the dynamic or tensor engine for minibatches.");
            _tape = new TapeStep(_model!, Objective, Data.Train);
        }
    }

    public TrainingConfig Config { get; }

    public Rng Rng { get; }

    public DatasetSplits Data { get; }

    /// <exception cref="InvalidOperationException">On the tensor engine: see <see cref="Weights"/> and
    /// <see cref="Predict"/>.</exception>
    public MLP Model => _model ?? throw new InvalidOperationException(
        "Expected a scalar engine for Trainer.Model, but this run trains a tensor MLP on the tensor engine: use Weights() for its numbers and Predict for its outputs.");

    public Objective Objective { get; }

    public Optimizer Optimizer { get; }

    /// <summary>The whole training set when <see cref="TrainingConfig.BatchSize"/> is null or larger.</summary>
    public int BatchSize => Math.Min(Config.BatchSize ?? Data.Train.Count, Data.Train.Count);

    public int StepsTaken => Optimizer.StepCount;

    /// <summary>A copy, whichever engine trains the network.</summary>
    public MlpWeights Weights() => _tensor?.Weights() ?? MlpWeights.Of(_model!);

    /// <summary>Without gradients; a scalar network runs as a float64 tensor MLP (equal to rounding, faster).</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return _tensor?.Predict(inputs) ?? TensorStep<double>.Predict(Weights().ToTensorMLP<double>(), inputs);
    }

    public StepRecord Step()
    {
        int step = StepsTaken;
        Evaluation? validation = Config.ValidationEvery > 0 && step % Config.ValidationEvery == 0 && Data.Validation.Count > 0
            ? Evaluate(Data.Validation)
            : null;
        if (_tape is not null) return _tape.Run(Optimizer, step, validation);
        var batch = NextBatch();
        if (_tensor is not null) return _tensor.Run(Optimizer, step, batch, validation);

        var examples = batch is null ? Data.Train : Data.Train.Select(batch);
        var model = _model!;

        // 1. forward: the network's outputs for every example in the batch, then the loss
        var outputs = examples.Inputs.Select(model.Forward).ToArray();
        var loss = Objective.Loss(outputs, examples.Targets, model.Parameters());

        // 2. zero the gradients, which would otherwise add up across steps
        Optimizer.ZeroGrad();

        // 3. backward: d(loss)/d(p) for every parameter p, by the chain rule
        loss.Backward();

        // 4. update: move every parameter a little against its gradient
        Optimizer.Step();

        var accuracy = Objective.Accuracy(Numbers(outputs), examples.Targets);
        return new StepRecord(step, loss.Data, accuracy, validation?.Loss, validation?.Accuracy);
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

    /// <summary>No gradients are computed.</summary>
    public Evaluation Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("Expected examples to evaluate, got none.", nameof(data));
        if (_tensor is not null) return _tensor.Evaluate(data);
        var outputs = data.Inputs.Select(Model.Forward).ToArray();
        var loss = Objective.Loss(outputs, data.Targets, Model.Parameters());
        return new Evaluation(loss.Data, Objective.Accuracy(Numbers(outputs), data.Targets));
    }

    private static Optimizer NewOptimizer(TrainingConfig c, IReadOnlyList<Value>? values, IReadOnlyList<Tensors.Tensor>? tensors) => c.Optimizer switch
    {
        OptimizerKind.Sgd when values is not null => new Sgd(values, c.LearningRate, c.Momentum, c.WeightDecay),
        OptimizerKind.Sgd => new Sgd(tensors!, c.LearningRate, c.Momentum, c.WeightDecay),
        OptimizerKind.AdamW when values is not null => new AdamW(values, c.LearningRate, c.Beta1, c.Beta2, c.Eps, c.WeightDecay),
        OptimizerKind.AdamW => new AdamW(tensors!, c.LearningRate, c.Beta1, c.Beta2, c.Eps, c.WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer {c.Optimizer}."),
    };

    /// <summary>For a run whose user named none: the config's engine if within its <see cref="EngineLimits"/>,
    /// else the tensor engine if within that one's.</summary>
    /// <returns>Why in words when it is not the config's own engine.</returns>
    public static (EngineKind Engine, string? Why) ChooseEngine(TrainingConfig config, DatasetSplits data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        var tensor = config with { Engine = EngineKind.Tensor };
        if (config.Engine == EngineKind.Tensor || LimitProblem(config, data) is null || LimitProblem(tensor, data) is not null)
            return (config.Engine, null);
        var limits = EngineLimits.Of(config.Engine);
        long parameters = MLP.ParameterCount(data.Train.InputCount, config.Layers);
        return (EngineKind.Tensor, parameters > limits.Parameters
            ? $"{parameters:N0} parameters are more than the {KindNames.Engines.Of(config.Engine)} engine takes on ({limits.Parameters:N0})"
            : $"{parameters:N0} parameters × {LargestSplit(data):N0} examples are more than the {KindNames.Engines.Of(config.Engine)} engine takes on ({limits.ParametersTimesExamples:N0})");
    }

    private static void CheckLimits(TrainingConfig config, DatasetSplits data)
    {
        if (LimitProblem(config, data) is { } problem) throw new ArgumentException(problem);
    }

    // The scalar engines' largest graph is one pass over the largest split (Evaluate, or a full-batch step);
    // the tensor engine's largest arrays are one step's batch (it evaluates in chunks).
    private static string? LimitProblem(TrainingConfig config, DatasetSplits data)
    {
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
        long units = EngineLimits.Units(inputs, config.Layers);
        long batch = Math.Min(config.BatchSize ?? data.Train.Count, data.Train.Count);
        if (units * batch > limits.UnitsTimesExamples)
            return $"Expected at most {limits.UnitsTimesExamples:N0} examples × units (inputs plus neurons) in one step for the {engine} engine, got {batch:N0} × {units:N0} " +
                   $"({network}): a step keeps about 6 numbers per unit per example. Use a smaller batch or a smaller network.";
        return null;
    }

    private static long LargestSplit(DatasetSplits data) => Math.Max(data.Train.Count, Math.Max(data.Validation.Count, data.Test.Count));

    private static double[][] Numbers(Value[][] outputs) => outputs.Select(o => o.Select(v => v.Data).ToArray()).ToArray();

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
