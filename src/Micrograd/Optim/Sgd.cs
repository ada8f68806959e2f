using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Optim;

/// <summary>torch.optim.SGD's semantics: g = grad + λ·p; b = g on the first step, else b = μ·b + g;
/// p -= lr·b (lr·g without momentum). With neither, micrograd's p.data -= lr * p.grad.</summary>
public sealed class Sgd : Optimizer
{
    /// <param name="parameters">Updated in place.</param>
    /// <param name="learningRate">Positive.</param>
    /// <param name="momentum">μ in [0, 1); 0 for plain gradient descent.</param>
    /// <param name="weightDecay">λ, 0 or more: an L2 pull towards 0 added to the gradient.</param>
    public Sgd(IReadOnlyList<Value> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters, learningRate) => (Momentum, WeightDecay) = Checked(momentum, weightDecay);

    public Sgd(IReadOnlyList<Tensor> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters, learningRate) => (Momentum, WeightDecay) = Checked(momentum, weightDecay);

    public double Momentum { get; }

    public double WeightDecay { get; }

    protected internal override void Update<T>(int index, Span<T> p, ReadOnlySpan<T> grad, int step) =>
        ForEachVector(new Rule<T>(this, step), p, grad, Momentum != 0 ? State<T>(index, 0, p.Length) : default, default);

    private readonly struct Rule<T>(Sgd sgd, int step) : IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Vector<T> _lr = new(T.CreateChecked(sgd.LearningRate));
        private readonly Vector<T> _mu = new(T.CreateChecked(sgd.Momentum));
        private readonly Vector<T> _lambda = new(T.CreateChecked(sgd.WeightDecay));
        private readonly bool _decay = sgd.WeightDecay != 0, _momentum = sgd.Momentum != 0, _first = step == 1;

        public void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> buffer, ref Vector<T> unused)
        {
            if (_decay) g += _lambda * p;
            if (_momentum)
            {
                buffer = _first ? g : _mu * buffer + g;
                g = buffer;
            }
            p -= _lr * g;
        }
    }

    // Math.BitDecrement(1.0): the largest double below 1 (1 - double.Epsilon rounds back to 1).
    private static (double, double) Checked(double momentum, double weightDecay) => (
        Check(momentum, 0, Math.BitDecrement(1.0), nameof(momentum), "in [0, 1)"),
        Check(weightDecay, 0, double.MaxValue, nameof(weightDecay), "of 0 or more"));
}
