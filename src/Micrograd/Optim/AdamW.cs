using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Optim;

/// <summary>
/// Adam with decoupled weight decay, with PyTorch's semantics and order of operations (torch.optim.AdamW):
/// p *= 1 - lr·λ; m = lerp(m, g, 1 - β1); v = β2·v + (1 - β2)·g²;
/// p -= (lr / (1 - β1^t)) · m / (sqrt(v) / sqrt(1 - β2^t) + ε).
/// </summary>
public sealed class AdamW : Optimizer
{
    /// <summary>AdamW over the Values of a scalar model.</summary>
    /// <param name="parameters">The Values to update.</param>
    /// <param name="learningRate">The step size, positive (PyTorch's default 1e-3).</param>
    /// <param name="beta1">β1 in [0, 1): the decay of the running mean of gradients.</param>
    /// <param name="beta2">β2 in [0, 1): the decay of the running mean of squared gradients.</param>
    /// <param name="eps">ε, positive: keeps the division finite.</param>
    /// <param name="weightDecay">λ, 0 or more (PyTorch's default 1e-2).</param>
    public AdamW(IReadOnlyList<Value> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate) => (Beta1, Beta2, Eps, WeightDecay) = Checked(beta1, beta2, eps, weightDecay);

    /// <summary>AdamW over the tensors of a tensor model; the settings as for Values.</summary>
    public AdamW(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate) => (Beta1, Beta2, Eps, WeightDecay) = Checked(beta1, beta2, eps, weightDecay);

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }

    /// <summary>λ: decoupled weight decay.</summary>
    public double WeightDecay { get; }

    protected internal override void Update<T>(int index, Span<T> p, ReadOnlySpan<T> grad)
    {
        var m = State<T>(index, 0, p.Length);
        var v = State<T>(index, 1, p.Length);
        T decay = T.One - T.CreateChecked(LearningRate * WeightDecay);
        T beta1 = T.CreateChecked(Beta1), beta2 = T.CreateChecked(Beta2), eps = T.CreateChecked(Eps);
        T stepSize = T.CreateChecked(LearningRate / (1 - Math.Pow(Beta1, StepCount)));
        T sqrtBiasCorrection2 = T.CreateChecked(Math.Sqrt(1 - Math.Pow(Beta2, StepCount)));
        for (int i = 0; i < p.Length; i++)
        {
            T g = grad[i];
            p[i] *= decay;
            m[i] += (g - m[i]) * (T.One - beta1); // PyTorch's lerp
            v[i] = v[i] * beta2 + (T.One - beta2) * g * g;
            T denom = T.Sqrt(v[i]) / sqrtBiasCorrection2 + eps;
            p[i] += -stepSize * (m[i] / denom);
        }
    }

    // Math.BitDecrement(1.0): the largest double below 1 (1 - double.Epsilon rounds back to 1).
    private static (double, double, double, double) Checked(double beta1, double beta2, double eps, double weightDecay) => (
        Check(beta1, 0, Math.BitDecrement(1.0), nameof(beta1), "in [0, 1)"),
        Check(beta2, 0, Math.BitDecrement(1.0), nameof(beta2), "in [0, 1)"),
        Check(eps, double.Epsilon, double.MaxValue, nameof(eps), "positive"),
        Check(weightDecay, 0, double.MaxValue, nameof(weightDecay), "of 0 or more"));
}
