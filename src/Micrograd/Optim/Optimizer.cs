using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Optim;

/// <summary>
/// Turns gradients into learning: <see cref="Step"/> moves every parameter against its gradient, as
/// PyTorch's optimizers do; <see cref="ZeroGrad"/> clears the gradients for the next backward pass.
/// </summary>
/// <remarks>Each update rule is written once, over a span of parameters and their gradients, and serves both
/// engines: the Values of a scalar model are gathered into one span, each tensor is a span of its own.</remarks>
public abstract class Optimizer
{
    private readonly Value[] _values;
    private readonly Tensor[] _tensors;
    private readonly double[] _data = [], _grad = [];
    private readonly object?[,] _state;

    /// <summary>An optimizer for the Values of a scalar model, which it reads and updates in place.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a learning rate that is not a positive finite number.</exception>
    protected Optimizer(IReadOnlyList<Value> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _values = [.. parameters];
        _tensors = [];
        _data = new double[_values.Length];
        _grad = new double[_values.Length];
        _state = new object?[1, 2];
        Parameters = Array.AsReadOnly(_values);
        LearningRate = learningRate;
    }

    /// <summary>An optimizer for the tensors of a tensor model, which it reads and updates in place.</summary>
    /// <exception cref="ArgumentException">When a tensor does not require a gradient.</exception>
    protected Optimizer(IReadOnlyList<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _tensors = [.. parameters];
        for (int i = 0; i < _tensors.Length; i++)
            if (_tensors[i] is not { RequiresGrad: true })
                throw new ArgumentException($"Expected parameters that require a gradient, but parameter {i + 1} does not.", nameof(parameters));
        _values = [];
        _state = new object?[_tensors.Length, 2];
        Parameters = [];
        LearningRate = learningRate;
    }

    /// <summary>The Values this optimizer updates (empty for tensor parameters).</summary>
    public IReadOnlyList<Value> Parameters { get; }

    /// <summary>The tensors this optimizer updates (empty for Values).</summary>
    public IReadOnlyList<Tensor> TensorParameters => _tensors;

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

    /// <summary>Moves every parameter one step, using its current gradient.</summary>
    public void Step()
    {
        if (Schedule is not null) LearningRate = Schedule(StepCount);
        StepCount++;
        if (_values.Length > 0)
        {
            for (int i = 0; i < _values.Length; i++) (_data[i], _grad[i]) = (_values[i].Data, _values[i].Grad);
            Update(0, _data.AsSpan(), (ReadOnlySpan<double>)_grad);
            for (int i = 0; i < _values.Length; i++) _values[i].Data = _data[i];
        }
        for (int i = 0; i < _tensors.Length; i++) _tensors[i].Update(this, i);
    }

    /// <summary>Sets every parameter's gradient to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var v in _values) v.Grad = 0;
        foreach (var t in _tensors) t.ZeroGrad();
    }

    /// <summary>Updates the parameters of block <paramref name="index"/> (a tensor, or all the Values) from
    /// their gradients; <see cref="StepCount"/> already counts this step.</summary>
    protected internal abstract void Update<T>(int index, Span<T> parameters, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The optimizer's running state number <paramref name="slot"/> (such as momentum) for block
    /// <paramref name="index"/>: zeros of the block's length, kept from step to step.</summary>
    protected Span<T> State<T>(int index, int slot, int length) where T : unmanaged
    {
        _state[index, slot] ??= new T[length];
        return (T[])_state[index, slot]!;
    }

    /// <summary>Checks an optimizer setting.</summary>
    protected static double Check(double value, double min, double max, string name, string expected) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"Expected {name} {expected}, got {value}.");
}
