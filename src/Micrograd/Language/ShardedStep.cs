using System.Numerics;
using System.Numerics.Tensors;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>The forward and backward half of a training step, with the batch cut into shards that run on threads
/// of their own: makemore's small matrices are too small for a product to be worth splitting, but two halves of a
/// batch are independent. Each shard after the first runs on a copy of the model (the weights copied in at every
/// step) and its gradients are added into the model's in shard order, so a run is the same from one time to the
/// next; it differs from a one-shard run only by the rounding of that sum.</summary>
/// <remarks>The loss of each shard is weighted by its share of the batch's targets (those that are not -1), so the
/// gradients add up to the whole batch's, as makemore's mean over the batch.</remarks>
public sealed class ShardedStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LanguageModel<T> _model;
    private readonly LanguageModel<T>[] _copies;

    /// <param name="model">The model whose gradients the step fills in.</param>
    /// <param name="shards">1 for the plain step on the calling thread; more for that many threads.</param>
    public ShardedStep(LanguageModel<T> model, int shards)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        _model = model;
        _copies = [.. Enumerable.Range(1, shards - 1).Select(_ => LanguageModels.Create<T>(LanguageModels.TypeOf(model), LanguageModels.ConfigOf(model), new Rng()))];
    }

    public int Shards => _copies.Length + 1;

    /// <summary>Zeroes the model's gradients, then computes the loss of the batch <paramref name="rows"/> of
    /// <paramref name="data"/> and its gradients; the optimizer's step is the caller's.</summary>
    /// <returns>The batch's loss, as one forward pass over the whole batch gives it (to rounding).</returns>
    public double Run(CharDataset data, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        int shards = Math.Min(Shards, rows.Count);
        _model.ZeroGrad();
        if (shards == 1) return Backward(_model, data, rows, null);

        var parts = Enumerable.Range(0, shards).Select(s => rows.Skip(rows.Count * s / shards).Take(rows.Count * (s + 1) / shards - rows.Count * s / shards).ToArray()).ToArray();
        int[] counts = [.. parts.Select(p => Targets(data, p))];
        int targets = counts.Sum();
        var losses = new double[shards];
        var parameters = _model.Parameters();
        for (int s = 1; s < shards; s++)
        {
            var copy = _copies[s - 1].Parameters();
            for (int i = 0; i < copy.Count; i++) copy[i].CopyFrom(parameters[i].Data);
            _copies[s - 1].ZeroGrad();
        }
        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = shards },
            s => losses[s] = Backward(s == 0 ? _model : _copies[s - 1], data, parts[s], (double)counts[s] / targets));
        for (int s = 1; s < shards; s++)
        {
            var copy = _copies[s - 1].Parameters();
            for (int i = 0; i < copy.Count; i++)
                if (copy[i].Grad is { } g) TensorPrimitives.Add(parameters[i].GradientSpan(), g.Data, parameters[i].GradientSpan());
        }
        return losses.Sum();
    }

    // The shard's loss, scaled by its share of the targets, backward; returns the scaled loss.
    private static double Backward(LanguageModel<T> model, CharDataset data, IReadOnlyList<int> rows, double? share)
    {
        var (x, y) = data.Batch<T>(rows);
        var loss = LanguageModel<T>.Loss(model.Forward(x), y);
        if (share is { } w) loss *= T.CreateChecked(w);
        loss.Backward();
        double value = double.CreateChecked(loss.Item());
        loss.ReleaseGraph();
        return value;
    }

    private static int Targets(CharDataset data, IReadOnlyList<int> rows) => rows.Sum(r => data.Tokens[r].Length + 1);
}
