namespace Micrograd.Tensors;

// The ops neural-network layers are made of, as torch.nn.functional names them.
public sealed partial class Tensor<T>
{
    /// <summary>e^x / Σ e^x along the axis, computed stably.</summary>
    public Tensor<T> Softmax(int axis) => new Functions.Softmax<T>(this, axis, log: false).Apply();

    /// <summary>x - log Σ e^x along the axis, computed stably.</summary>
    public Tensor<T> LogSoftmax(int axis) => new Functions.Softmax<T>(this, axis, log: true).Apply();

    /// <summary>The cross-entropy of these [N, C] logits against one class index per row, averaged over the
    /// rows as PyTorch's <c>cross_entropy</c> does: log-softmax, then the negative log-likelihood.</summary>
    /// <exception cref="ArgumentException">For logits that are not [N, C], a number of targets other than N,
    /// or a target outside [0, C).</exception>
    public Tensor<T> CrossEntropy(int[] targets) => CrossEntropy(targets, null);

    /// <summary>As <see cref="CrossEntropy(int[])"/>, with PyTorch's <c>ignore_index</c>: rows whose target
    /// is <paramref name="ignoreIndex"/> add nothing and are not counted in the mean (NaN when every row is
    /// ignored, as in PyTorch).</summary>
    public Tensor<T> CrossEntropy(int[] targets, int ignoreIndex) => CrossEntropy(targets, (int?)ignoreIndex);

    private Tensor<T> CrossEntropy(int[] targets, int? ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (Dims.Length != 2)
            throw new ArgumentException($"Expected logits of shape [N, C] for cross-entropy, got {Shapes.Format(Dims)}.");
        return new Functions.NllLoss<T>(LogSoftmax(1), targets, ignoreIndex).Apply();
    }

    /// <summary>torch.nn.functional.gelu: x·Φ(x) with the exact normal CDF, or with
    /// <paramref name="tanhApproximation"/> the tanh form (PyTorch's approximate='tanh', makemore's NewGELU).</summary>
    public Tensor<T> Gelu(bool tanhApproximation = false) => new Functions.Gelu<T>(this, tanhApproximation).Apply();

    /// <summary>torch.nn.functional.linear: x·Wᵀ + b over the last axis, <paramref name="weight"/> of shape
    /// [out, in] and <paramref name="bias"/> [out] or null.</summary>
    /// <exception cref="ArgumentException">When this tensor's last dimension is not in, or the shapes disagree.</exception>
    public Tensor<T> Linear(Tensor<T> weight, Tensor<T>? bias = null) => new Functions.Linear<T>(this, Checked(weight), bias).Apply();

    /// <summary>torch.nn.functional.layer_norm over the last axis: each row made mean 0 and variance 1 (the
    /// biased variance, plus <paramref name="eps"/>), then times <paramref name="weight"/> plus
    /// <paramref name="bias"/> (both [C], or both null).</summary>
    public Tensor<T> LayerNorm(Tensor<T>? weight, Tensor<T>? bias, double eps = 1e-5) => new Functions.LayerNorm<T>(this, weight, bias, eps).Apply();
}
