using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>The negative log-likelihood of the target classes, averaged over rows: out = -(1/N)·Σ_i logp[i, t_i]
/// for log-probabilities logp of shape [N, C]. After <see cref="LogSoftmax{T}"/> it is the cross-entropy.</summary>
internal sealed class NllLoss<T>(Tensor<T> a, int[] targets) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "nll_loss";

    /// <exception cref="ArgumentException">For logits that are not [N, C], a target count that is not N, or a
    /// target outside [0, C).</exception>
    public static Tensor<T> Apply(Tensor<T> logProbabilities, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var dims = logProbabilities.Dims;
        if (dims.Length != 2 || dims[0] == 0)
            throw new ArgumentException($"Expected logits of shape [N, C] with N > 0 for cross-entropy, got {Shape.Format(dims)}.");
        int n = dims[0], classes = dims[1];
        if (targets.Length != n)
            throw new ArgumentException($"Expected one target per row: {n} rows but {targets.Length} targets.", nameof(targets));
        for (int i = 0; i < n; i++)
            if ((uint)targets[i] >= (uint)classes)
                throw new ArgumentException($"Expected class indices from 0 to {classes - 1}, got {targets[i]} for row {i + 1}.", nameof(targets));

        T sum = T.Zero;
        for (int i = 0; i < n; i++) sum += logProbabilities.Data[i * classes + targets[i]];
        var output = Output([], logProbabilities.RequiresGrad);
        output.Data[0] = -sum * (T.One / T.CreateChecked(n));
        if (output.RequiresGrad) output.Creator = new NllLoss<T>(logProbabilities, (int[])targets.Clone());
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        int classes = A.Dims[1];
        T share = -gradOutput[0] * (T.One / T.CreateChecked(targets.Length));
        for (int i = 0; i < targets.Length; i++) grad[i * classes + targets[i]] += share;
    }
}
