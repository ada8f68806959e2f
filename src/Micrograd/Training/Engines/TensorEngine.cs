using System.Numerics;
using Micrograd.Data;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training.Engines;

/// <summary>Any network of modules, the batch through it as one [N, inputs] tensor: one matrix product per
/// layer. The batch's tensors are made once and refilled in place at every step.</summary>
internal sealed class TensorEngine<T> : ITrainingEngine where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The most bytes of one array an evaluation pass makes: below .NET's large-object threshold
    /// (85,000 bytes), so that evaluating, like a step, leaves nothing for a full garbage collection.</summary>
    private const int PassArrayBytes = 84_000;

    private readonly Module<T> _model;
    private readonly Objective _objective;
    private readonly Dataset _train, _validation;
    private readonly Tensor<T> _x, _y; // the batch: inputs [N, in] and targets [N]
    private readonly int _chunkRows;
    private (Tensor<T> X, Tensor<T> Y)[]? _validationChunks; // the validation split, made once: it is evaluated again and again

    /// <exception cref="ArgumentException">For a network that does not take the data's inputs as [N, inputs]
    /// and give [N, outputs], or one beyond the engine's limits.</exception>
    public TensorEngine(EngineSetup setup)
    {
        _model = setup.BuildNetwork<T>();
        _objective = setup.Objective;
        _train = setup.Data.Train;
        _validation = setup.Data.Validation;
        var size = NetworkSize.Of(_model, _train.InputCount);
        OutputCount = size.Outputs;
        NetworkSize.CheckUnits(size, setup.BatchSize, setup.Config.Engine);
        _chunkRows = ChunkRows(size);
        _x = Tensor<T>.Zeros([setup.BatchSize, _train.InputCount]);
        _y = Tensor<T>.Zeros([setup.BatchSize]);
        if (setup.FullBatch) Fill(_train, null, 0, _x, _y); // the full batch never changes
        Optimizer = setup.NewOptimizer(_model.Parameters());
    }

    public Optimizer Optimizer { get; }

    public int OutputCount { get; }

    public StepRecord Step(int step, int[]? batch, Evaluation? validation)
    {
        if (batch is not null) Fill(_train, batch, 0, _x, _y);

        // 1. forward: the whole batch through the network at once, then the loss
        var outputs = _model.Forward(_x);
        var loss = _objective.Loss(outputs, _y, _model.Parameters());

        // 2. zero the gradients, which would otherwise add up across steps
        Optimizer.ZeroGrad();

        // 3. backward: d(loss)/d(W) for every weight matrix, one matrix product per layer (Gᵀ·X)
        loss.Backward();

        // 4. update: move every parameter a little against its gradient
        Optimizer.Step();

        int right = _objective.Correct<T>(outputs.Data, OutputCount, _y.Data);
        double lossValue = double.CreateChecked(loss.Item());
        loss.ReleaseGraph(); // the next step's tensors reuse this one's arrays
        return new StepRecord(step, lossValue, Accuracy(right, _y.Count), validation?.Loss, validation?.Accuracy);
    }

    /// <summary>A chunk of rows at a time, in evaluation mode; the chunks' losses add up to the whole's. Each
    /// chunk's graph is released, so the next chunk reuses its arrays.</summary>
    public Evaluation Evaluate(Dataset data)
    {
        var chunks = ReferenceEquals(data, _validation) ? _validationChunks ??= Chunks(data) : Chunks(data);
        double loss = 0;
        int right = 0;
        using var eval = new EvalScope<T>(_model);
        foreach (var (x, y) in chunks)
        {
            var outputs = _model.Forward(x);
            var dataLoss = _objective.DataLoss(outputs, y);
            double chunkLoss = double.CreateChecked(dataLoss.Item());
            loss += _objective.SumsOverExamples ? chunkLoss : chunkLoss * ((double)y.Count / data.Count);
            right += _objective.Correct<T>(outputs.Data, OutputCount, y.Data);
            dataLoss.ReleaseGraph();
        }
        if (_objective.L2 != 0)
        {
            var l2 = TensorLosses.L2(_model.Parameters(), _objective.L2);
            loss += double.CreateChecked(l2.Item());
            l2.ReleaseGraph();
        }
        return new Evaluation(loss, Accuracy(right, data.Count));
    }

    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs) =>
        Predictions.Of(_model, new ModelInput([_train.InputCount], indices: false), inputs);

    public TrainedNetwork Snapshot() => TrainedNetwork.Of(_model, _train.InputCount, OutputCount);

    /// <summary>As many as keep a pass's arrays under <see cref="PassArrayBytes"/> and within
    /// <see cref="EngineLimits.UnitsTimesExamples"/>; at least one.</summary>
    private static int ChunkRows(NetworkSize size)
    {
        long rows = Math.Min(PassArrayBytes / ((long)size.Widest * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()),
            EngineLimits.Of(EngineKind.Tensor).UnitsTimesExamples / size.Units);
        return (int)Math.Max(1, rows);
    }

    private (Tensor<T> X, Tensor<T> Y)[] Chunks(Dataset data)
    {
        var chunks = new (Tensor<T>, Tensor<T>)[(data.Count + _chunkRows - 1) / _chunkRows];
        for (int c = 0; c < chunks.Length; c++)
        {
            int n = Math.Min(_chunkRows, data.Count - c * _chunkRows);
            var x = Tensor<T>.Zeros([n, data.InputCount]);
            var y = Tensor<T>.Zeros([n]);
            Fill(data, null, c * _chunkRows, x, y);
            chunks[c] = (x, y);
        }
        return chunks;
    }

    // Copies examples into x and y: those of `indices`, or the rows from `start` on when it is null.
    private static void Fill(Dataset data, int[]? indices, int start, Tensor<T> x, Tensor<T> y)
    {
        int width = data.InputCount;
        var xs = x.Data;
        for (int r = 0; r < y.Count; r++)
        {
            int i = indices is null ? start + r : indices[r];
            var row = data.Inputs[i];
            for (int c = 0; c < width; c++) xs[r * width + c] = T.CreateChecked(row[c]);
            y.Data[r] = T.CreateChecked(data.Targets[i]);
        }
    }

    private double? Accuracy(int right, int count) => _objective.Outputs == OutputKind.Regression ? null : (double)right / count;
}
