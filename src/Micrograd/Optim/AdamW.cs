using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Optim;

/// <summary>torch.optim.AdamW's semantics and order of operations: p *= 1 - lr·λ; m = lerp(m, g, 1 - β1);
/// v = β2·v + (1 - β2)·g²; p -= (lr / (1 - β1^t)) · m / (sqrt(v) / sqrt(1 - β2^t) + ε).</summary>
public sealed class AdamW : Optimizer
{
    /// <param name="parameters">Updated in place.</param>
    /// <param name="learningRate">Positive (PyTorch's default 1e-3).</param>
    /// <param name="beta1">β1 in [0, 1): the decay of the running mean of gradients.</param>
    /// <param name="beta2">β2 in [0, 1): the decay of the running mean of squared gradients.</param>
    /// <param name="eps">ε, positive: keeps the division finite.</param>
    /// <param name="weightDecay">λ, 0 or more (PyTorch's default 1e-2).</param>
    public AdamW(IReadOnlyList<Value> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate) => (Beta1, Beta2, Eps, WeightDecay) = Checked(beta1, beta2, eps, weightDecay);

    public AdamW(IReadOnlyList<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate) => (Beta1, Beta2, Eps, WeightDecay) = Checked(beta1, beta2, eps, weightDecay);

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }

    public double WeightDecay { get; }

    /// <summary>The running means AdamW keeps for one number, PyTorch's <c>exp_avg</c> and <c>exp_avg_sq</c>: m, of its
    /// gradients, and v, of their squares, before bias correction; both 0 before its first update.</summary>
    /// <param name="parameter">The parameter's index in the list the optimizer was given.</param>
    /// <param name="element">For a tensor, the element's index in its data (row-major); for a Value, 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">For a parameter or element the optimizer does not have.</exception>
    public (double M, double V) Moments(int parameter, int element = 0) => (StateAt(parameter, element, 0), StateAt(parameter, element, 1));

    protected internal override void Update<T>(int index, Span<T> p, ReadOnlySpan<T> grad, int step) =>
        ForEachVector(new Rule<T>(this, step), p, grad, State<T>(index, 0, p.Length), State<T>(index, 1, p.Length));

    private readonly struct Rule<T>(AdamW adam, int step) : IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Vector<T> _decay = new(T.One - T.CreateChecked(adam.LearningRate * adam.WeightDecay));
        private readonly Vector<T> _beta1 = new(T.CreateChecked(adam.Beta1)), _beta2 = new(T.CreateChecked(adam.Beta2));
        private readonly Vector<T> _eps = new(T.CreateChecked(adam.Eps));
        private readonly Vector<T> _stepSize = new(T.CreateChecked(adam.LearningRate / (1 - Math.Pow(adam.Beta1, step))));
        private readonly Vector<T> _sqrtBiasCorrection2 = new(T.CreateChecked(Math.Sqrt(1 - Math.Pow(adam.Beta2, step))));

        public void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> m, ref Vector<T> v)
        {
            p *= _decay;
            m += (g - m) * (Vector<T>.One - _beta1); // PyTorch's lerp
            v = v * _beta2 + (Vector<T>.One - _beta2) * g * g;
            var denom = Vector.SquareRoot(v) / _sqrtBiasCorrection2 + _eps;
            p += -_stepSize * (m / denom);
        }
    }

    // Math.BitDecrement(1.0): the largest double below 1 (1 - double.Epsilon rounds back to 1).
    private static (double, double, double, double) Checked(double beta1, double beta2, double eps, double weightDecay) => (
        Check(beta1, 0, Math.BitDecrement(1.0), nameof(beta1), "in [0, 1)"),
        Check(beta2, 0, Math.BitDecrement(1.0), nameof(beta2), "in [0, 1)"),
        Check(eps, double.Epsilon, double.MaxValue, nameof(eps), "positive"),
        Check(weightDecay, 0, double.MaxValue, nameof(weightDecay), "of 0 or more"));
}
