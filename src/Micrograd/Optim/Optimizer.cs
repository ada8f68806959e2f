namespace Micrograd.Optim;

/// <summary>PyTorch's optimizer surface: <see cref="ZeroGrad"/>, then after the backward pass
/// <see cref="Step"/>, which moves every parameter against its gradient.</summary>
public abstract class Optimizer
{
    /// <exception cref="ArgumentOutOfRangeException">For a learning rate that is not a positive finite number.</exception>
    protected Optimizer(IReadOnlyList<Value> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        LearningRate = learningRate;
    }

    public IReadOnlyList<Value> Parameters { get; }

    /// <summary>The step size for the next <see cref="Step"/>. Set it between steps to follow a schedule by
    /// hand, or give <see cref="Schedule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value that is not a positive finite number.</exception>
    public double LearningRate
    {
        get;
        set => field = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"Expected a positive finite learning rate, got {value}.");
    }

    /// <summary>When set, the learning rate of step k (counting from 0), applied at the start of each step.</summary>
    public Func<int, double>? Schedule { get; set; }

    public int StepCount { get; private set; }

    public void Step()
    {
        if (Schedule is not null) LearningRate = Schedule(StepCount);
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++) Update(i, Parameters[i]);
    }

    public void ZeroGrad()
    {
        var parameters = Parameters;
        for (int i = 0; i < parameters.Count; i++) parameters[i].Grad = 0; // a for loop: no enumerator to allocate
    }

    /// <summary>Updates parameter number <paramref name="index"/>; <see cref="StepCount"/> counts this step.</summary>
    protected abstract void Update(int index, Value p);

    protected static double Check(double value, double min, double max, string name, string expected) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"Expected {name} {expected}, got {value}.");
}
