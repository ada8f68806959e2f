namespace Micrograd.Optim;

/// <summary>
/// Adam with decoupled weight decay, with PyTorch's semantics and order of operations (torch.optim.AdamW):
/// p *= 1 - lr·λ; m = lerp(m, g, 1 - β1); v = β2·v + (1 - β2)·g²;
/// p -= (lr / (1 - β1^t)) · m / (sqrt(v) / sqrt(1 - β2^t) + ε).
/// </summary>
public sealed class AdamW : Optimizer
{
    private readonly double[] _m;
    private readonly double[] _v;

    /// <param name="parameters">The Values to update.</param>
    /// <param name="learningRate">The step size, positive (PyTorch's default 1e-3).</param>
    /// <param name="beta1">β1 in [0, 1): the decay of the running mean of gradients.</param>
    /// <param name="beta2">β2 in [0, 1): the decay of the running mean of squared gradients.</param>
    /// <param name="eps">ε, positive: keeps the division finite.</param>
    /// <param name="weightDecay">λ, 0 or more (PyTorch's default 1e-2).</param>
    public AdamW(IReadOnlyList<Value> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate)
    {
        // Math.BitDecrement(1.0): the largest double below 1 (1 - double.Epsilon rounds back to 1).
        Beta1 = Check(beta1, 0, Math.BitDecrement(1.0), nameof(beta1), "in [0, 1)");
        Beta2 = Check(beta2, 0, Math.BitDecrement(1.0), nameof(beta2), "in [0, 1)");
        Eps = Check(eps, double.Epsilon, double.MaxValue, nameof(eps), "positive");
        WeightDecay = Check(weightDecay, 0, double.MaxValue, nameof(weightDecay), "of 0 or more");
        _m = new double[parameters.Count];
        _v = new double[parameters.Count];
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    public double WeightDecay { get; }

    protected override void Update(int index, Value p)
    {
        double g = p.Grad;
        p.Data *= 1 - LearningRate * WeightDecay;
        _m[index] += (g - _m[index]) * (1 - Beta1); // PyTorch's lerp
        _v[index] = _v[index] * Beta2 + (1 - Beta2) * g * g;
        double biasCorrection1 = 1 - Math.Pow(Beta1, StepCount);
        double biasCorrection2 = 1 - Math.Pow(Beta2, StepCount);
        double stepSize = LearningRate / biasCorrection1;
        double denom = Math.Sqrt(_v[index]) / Math.Sqrt(biasCorrection2) + Eps;
        p.Data += -stepSize * (_m[index] / denom);
    }
}
