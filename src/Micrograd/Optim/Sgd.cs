namespace Micrograd.Optim;

/// <summary>
/// Stochastic gradient descent with PyTorch's semantics (torch.optim.SGD): with weight decay λ and
/// momentum μ, each step computes g = grad + λ·p; b = g on the first step, else b = μ·b + g; and
/// p -= lr·b (or lr·g without momentum). With neither, it is micrograd's p.data -= lr * p.grad.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly double[] _buffer;

    /// <param name="parameters">The Values to update.</param>
    /// <param name="learningRate">The step size, positive.</param>
    /// <param name="momentum">μ in [0, 1); 0 for plain gradient descent.</param>
    /// <param name="weightDecay">λ, 0 or more: an L2 pull towards 0 added to the gradient.</param>
    public Sgd(IReadOnlyList<Value> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        // Math.BitDecrement(1.0): the largest double below 1 (1 - double.Epsilon rounds back to 1).
        Momentum = Check(momentum, 0, Math.BitDecrement(1.0), nameof(momentum), "in [0, 1)");
        WeightDecay = Check(weightDecay, 0, double.MaxValue, nameof(weightDecay), "of 0 or more");
        _buffer = new double[parameters.Count];
    }

    public double Momentum { get; }

    public double WeightDecay { get; }

    protected override void Update(int index, Value p)
    {
        double g = p.Grad;
        if (WeightDecay != 0) g += WeightDecay * p.Data;
        if (Momentum != 0)
        {
            _buffer[index] = StepCount == 1 ? g : Momentum * _buffer[index] + g;
            g = _buffer[index];
        }
        p.Data -= LearningRate * g;
    }
}
