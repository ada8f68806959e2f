using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary>The tensor engine's side of a <see cref="Trainer"/>, whichever number type it computes in.</summary>
internal interface ITensorStep
{
    IReadOnlyList<Tensor> Parameters { get; }

    StepRecord Run(Optimizer optimizer, int step, int[]? batch, Evaluation? validation);

    Evaluation Evaluate(Dataset data);

    double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs);

    MlpWeights Weights();
}

/// <summary>The batch goes through as one [N, inputs] tensor, one matrix product per layer; its tensors are made
/// once and refilled in place at every step.</summary>
internal sealed class TensorStep<T> : ITensorStep where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The most bytes of one array an evaluation pass makes: below .NET's large-object threshold
    /// (85,000 bytes), so that evaluating, like a step, leaves nothing for a full garbage collection.</summary>
    private const int PassArrayBytes = 84_000;

    private readonly TensorMLP<T> _model;
    private readonly Objective _objective;
    private readonly Dataset _train;
    private readonly Dataset _validation;
    private readonly Tensor<T> _x, _y; // the batch: inputs [N, in] and targets [N]
    private (Tensor<T> X, Tensor<T> Y)[]? _validationChunks; // the validation split, made once: it is evaluated again and again

    public TensorStep(TrainingConfig config, DatasetSplits data, int batchSize, Objective objective, Rng rng)
    {
        _model = new TensorMLP<T>(data.Train.InputCount, config.Layers, config.Activation, config.OutputActivation, config.Init, rng);
        _objective = objective;
        _train = data.Train;
        _validation = data.Validation;
        _x = Tensor<T>.Zeros([batchSize, _train.InputCount]);
        _y = Tensor<T>.Zeros([batchSize]);
        if (batchSize == _train.Count) Fill(_train, null, 0, _x, _y); // the full batch never changes
    }

    public IReadOnlyList<Tensor> Parameters => _model.Parameters();

    // `batch`: the training examples of this step, in order; null for the full batch.
    public StepRecord Run(Optimizer optimizer, int step, int[]? batch, Evaluation? validation)
    {
        if (batch is not null) Fill(_train, batch, 0, _x, _y);

        // 1. forward: the whole batch through the network at once, then the loss
        var outputs = _model.Forward(_x);
        var loss = _objective.Loss(outputs, _y, _model.Parameters());

        // 2. zero the gradients, which would otherwise add up across steps
        optimizer.ZeroGrad();

        // 3. backward: d(loss)/d(W) for every weight matrix, one matrix product per layer (Xᵀ·G)
        loss.Backward();

        // 4. update: move every parameter a little against its gradient
        optimizer.Step();

        int right = _objective.Correct<T>(outputs.Data, outputs.Dims[1], _y.Data);
        double lossValue = double.CreateChecked(loss.Item());
        loss.ReleaseGraph(); // the next step's tensors reuse this one's arrays
        return new StepRecord(step, lossValue, Accuracy(right, _y.Count), validation?.Loss, validation?.Accuracy);
    }

    /// <summary>A chunk of rows at a time (<see cref="ChunkRows"/>); the chunks' losses add up to the whole's.</summary>
    public Evaluation Evaluate(Dataset data)
    {
        var chunks = ReferenceEquals(data, _validation) ? _validationChunks ??= Chunks(data) : Chunks(data);
        double loss = 0;
        int right = 0;
        foreach (var (x, y) in chunks)
        {
            var outputs = _model.Forward(x);
            var dataLoss = _objective.DataLoss(outputs, y);
            double chunkLoss = double.CreateChecked(dataLoss.Item());
            loss += _objective.SumsOverExamples ? chunkLoss : chunkLoss * ((double)y.Count / data.Count);
            right += _objective.Correct<T>(outputs.Data, outputs.Dims[1], y.Data);
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

    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs) => Predict(_model, inputs);

    public MlpWeights Weights() => MlpWeights.Of(_model);

    /// <summary>A chunk of rows at a time.</summary>
    public static double[][] Predict(TensorMLP<T> model, IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        int rows = ChunkRows(model);
        var outputs = new double[inputs.Count][];
        for (int start = 0; start < inputs.Count; start += rows)
        {
            int n = Math.Min(rows, inputs.Count - start);
            var x = Tensor<T>.Zeros([n, model.InputCount]);
            for (int r = 0; r < n; r++)
            {
                var row = inputs[start + r];
                if (row.Count != model.InputCount)
                    throw new ArgumentException($"Expected {model.InputCount} inputs in every row, got {row.Count} in row {start + r + 1}.", nameof(inputs));
                Row(row, x.Data.AsSpan(r * model.InputCount, model.InputCount));
            }
            var y = model.Forward(x);
            for (int r = 0; r < n; r++)
            {
                var output = outputs[start + r] = new double[model.OutputCount];
                for (int j = 0; j < output.Length; j++) output[j] = double.CreateChecked(y.Data[r * output.Length + j]);
            }
            y.ReleaseGraph();
        }
        return outputs;
    }

    /// <summary>As many as keep a pass's arrays under <see cref="PassArrayBytes"/> and within
    /// <see cref="EngineLimits.UnitsTimesExamples"/>; at least one.</summary>
    public static int ChunkRows(TensorMLP<T> model)
    {
        int widest = model.Layers.Max(l => l.OutputCount);
        long units = EngineLimits.Units(model.InputCount, model.Layers.Select(l => l.OutputCount));
        long rows = Math.Min(PassArrayBytes / ((long)widest * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()),
            EngineLimits.Of(EngineKind.Tensor).UnitsTimesExamples / units);
        return (int)Math.Max(1, rows);
    }

    private (Tensor<T> X, Tensor<T> Y)[] Chunks(Dataset data)
    {
        int rows = ChunkRows(_model);
        var chunks = new (Tensor<T>, Tensor<T>)[(data.Count + rows - 1) / rows];
        for (int c = 0; c < chunks.Length; c++)
        {
            int n = Math.Min(rows, data.Count - c * rows);
            var x = Tensor<T>.Zeros([n, data.InputCount]);
            var y = Tensor<T>.Zeros([n]);
            Fill(data, null, c * rows, x, y);
            chunks[c] = (x, y);
        }
        return chunks;
    }

    // Copies examples into x and y: those of `indices`, or the rows from `start` on when it is null.
    private static void Fill(Dataset data, int[]? indices, int start, Tensor<T> x, Tensor<T> y)
    {
        int width = data.InputCount;
        for (int r = 0; r < y.Count; r++)
        {
            int i = indices is null ? start + r : indices[r];
            Row(data.Inputs[i], x.Data.AsSpan(r * width, width));
            y.Data[r] = T.CreateChecked(data.Targets[i]);
        }
    }

    private static void Row(IReadOnlyList<double> from, Span<T> to)
    {
        if (from is double[] row)
            for (int c = 0; c < to.Length; c++) to[c] = T.CreateChecked(row[c]);
        else
            for (int c = 0; c < to.Length; c++) to[c] = T.CreateChecked(from[c]);
    }

    private double? Accuracy(int right, int count) => _objective.Outputs == OutputKind.Value ? null : (double)right / count;
}
