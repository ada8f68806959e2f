using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>The negative log-likelihood of the target classes, averaged over the rows that count:
/// out = -(1/N')·Σ_i logp[i, t_i] for log-probabilities logp of shape [N, C], where rows whose target is the
/// ignored index add nothing and are not among the N' counted, as PyTorch's <c>ignore_index</c>. After
/// log-softmax it is the cross-entropy.</summary>
internal sealed class NllLoss<T>(Tensor<T> logProbabilities, int[] targets, int? ignoreIndex) : Function<T>(logProbabilities)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _targets = (int[])targets.Clone();
    private int _counted;

    public override string Name => "nll_loss";

    /// <exception cref="ArgumentException">For log-probabilities that are not [N, C], a target count that is
    /// not N, or a target outside [0, C) that is not the ignored index.</exception>
    protected override Tensor<T> Forward()
    {
        var dims = A.Dims;
        if (dims.Length != 2 || dims[0] == 0)
            throw new ArgumentException($"Expected logits of shape [N, C] with N > 0 for cross-entropy, got {Shapes.Format(dims)}.");
        int n = dims[0], classes = dims[1];
        if (_targets.Length != n)
            throw new ArgumentException($"Expected one target per row: {n} rows but {_targets.Length} targets.", "targets");
        for (int i = 0; i < n; i++)
            if ((uint)_targets[i] >= (uint)classes && _targets[i] != ignoreIndex)
                throw new ArgumentException(
                    $"Expected class indices from 0 to {classes - 1}{(ignoreIndex is { } ignored ? $" or the ignored {ignored}" : "")}, got {_targets[i]} for row {i + 1}.", "targets");

        T sum = T.Zero;
        var logp = A.Data;
        for (int i = 0; i < n; i++)
            if (_targets[i] != ignoreIndex)
            {
                sum += logp[i * classes + _targets[i]];
                _counted++;
            }
        var output = Output([]);
        output.Data[0] = -sum * (T.One / T.CreateChecked(_counted)); // 0/0 = NaN when every row is ignored, as in PyTorch
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        int classes = A.Dims[1];
        T share = -gradOutput[0] * (T.One / T.CreateChecked(_counted));
        for (int i = 0; i < _targets.Length; i++)
            if (_targets[i] != ignoreIndex) grad[i * classes + _targets[i]] += share;
    }
}
