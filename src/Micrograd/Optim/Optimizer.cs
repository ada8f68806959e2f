using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Optim;

/// <summary>As PyTorch's optimizers: <see cref="Step"/> moves every parameter against its gradient.</summary>
/// <remarks>Each update rule is written once over a span, for both engines: a scalar model's Values are gathered
/// into one span, each tensor is its own.</remarks>
public abstract class Optimizer
{
    private readonly Value[] _values;
    private readonly Tensor[] _tensors;
    private readonly double[] _data = [], _grad = [];
    private readonly object?[,] _state;
    private readonly int[] _updates; // per block, the updates it has had: PyTorch's state['step']

    /// <exception cref="ArgumentException">When a Value is listed twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For a learning rate that is not a positive finite number.</exception>
    protected Optimizer(IReadOnlyList<Value> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _values = [.. parameters];
        CheckDistinct(_values, "Value");
        _tensors = [];
        _data = new double[_values.Length];
        _grad = new double[_values.Length];
        _state = new object?[1, 2];
        _updates = new int[1];
        Parameters = Array.AsReadOnly(_values);
        LearningRate = learningRate;
    }

    /// <exception cref="ArgumentException">When a tensor does not require a gradient, is not a leaf (it is
    /// computed, so an update would be lost at the next forward pass; PyTorch refuses it too), is listed twice,
    /// or is neither float nor double.</exception>
    protected Optimizer(IReadOnlyList<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _tensors = [.. parameters];
        for (int i = 0; i < _tensors.Length; i++)
        {
            if (_tensors[i] is not { RequiresGrad: true })
                throw new ArgumentException($"Expected parameters that require a gradient, but parameter {i + 1} does not.", nameof(parameters));
            if (!_tensors[i].IsLeaf)
                throw new ArgumentException($"Expected leaf tensors as parameters, but parameter {i + 1} is computed by an op: an optimizer can only update tensors no op computed.", nameof(parameters));
        }
        CheckDistinct(_tensors, "tensor");
        _values = [];
        _state = new object?[_tensors.Length, 2];
        _updates = new int[_tensors.Length];
        Parameters = [];
        LearningRate = learningRate;
    }

    /// <summary>Empty for tensor parameters.</summary>
    public IReadOnlyList<Value> Parameters { get; }

    /// <summary>Empty for Values.</summary>
    public IReadOnlyList<Tensor> TensorParameters => _tensors;

    /// <summary>Set it between steps to follow a schedule by hand, or give <see cref="Schedule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value that is not a positive finite number.</exception>
    public double LearningRate
    {
        get;
        set => field = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"Expected a positive finite learning rate, got {value}.");
    }

    /// <summary>The learning rate of step k, counting from 0.</summary>
    public Func<int, double>? Schedule { get; set; }

    /// <summary>Calls of <see cref="Step"/> so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter that has a gradient. A tensor no backward pass has reached yet (its
    /// <c>Grad</c> is null) is left as it is and does not count the step, as PyTorch skips a parameter whose
    /// grad is None: its first update is its step 1 (AdamW's bias correction, SGD's first momentum).</summary>
    public void Step()
    {
        if (Schedule is not null) LearningRate = Schedule(StepCount);
        StepCount++;
        if (_values.Length > 0)
        {
            for (int i = 0; i < _values.Length; i++) (_data[i], _grad[i]) = (_values[i].Data, _values[i].Grad);
            Update(0, _data.AsSpan(), (ReadOnlySpan<double>)_grad, ++_updates[0]);
            for (int i = 0; i < _values.Length; i++) _values[i].Data = _data[i];
        }
        for (int i = 0; i < _tensors.Length; i++)
        {
            switch (_tensors[i])
            {
                case Tensor<float> f: UpdateTensor(i, f); break;
                case Tensor<double> d: UpdateTensor(i, d); break;
            }
        }
    }

    public void ZeroGrad()
    {
        foreach (var v in _values) v.Grad = 0;
        foreach (var t in _tensors) t.ZeroGrad();
    }

    private void UpdateTensor<T>(int index, Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tensor.Grad is { } grad) Update(index, tensor.Data.AsSpan(), (ReadOnlySpan<T>)grad.Data, ++_updates[index]);
    }

    private static void CheckDistinct<TItem>(TItem[] items, string what) where TItem : class
    {
        var seen = new Dictionary<TItem, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < items.Length; i++)
            if (items[i] is { } item && !seen.TryAdd(item, i))
                throw new ArgumentException(
                    $"Expected each parameter once, but parameters {seen[item] + 1} and {i + 1} are the same {what}: it would be updated twice per step.", "parameters");
    }

    /// <summary>Block <paramref name="index"/> is a tensor, or all the Values; <paramref name="step"/> counts
    /// this block's updates, this one included (1 on its first).</summary>
    protected internal abstract void Update<T>(int index, Span<T> parameters, ReadOnlySpan<T> gradients, int step)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Running state (such as momentum), zeros at first, kept from step to step.</summary>
    protected Span<T> State<T>(int index, int slot, int length) where T : unmanaged
    {
        _state[index, slot] ??= new T[length];
        return (T[])_state[index, slot]!;
    }

    /// <summary>Reads running state <paramref name="slot"/> of one number: element <paramref name="element"/> of
    /// tensor parameter <paramref name="parameter"/>, or Value parameter <paramref name="parameter"/> (element 0);
    /// 0 before that parameter's first update.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a parameter or element the optimizer does not have.</exception>
    protected double StateAt(int parameter, int element, int slot)
    {
        bool values = _values.Length > 0;
        int count = values ? _values.Length : _tensors.Length;
        if (parameter < 0 || parameter >= count)
            throw new ArgumentOutOfRangeException(nameof(parameter), parameter, $"Expected a parameter index from 0 to {count - 1}, got {parameter}.");
        int length = values ? 1 : _tensors[parameter].Count;
        if (element < 0 || element >= length)
            throw new ArgumentOutOfRangeException(nameof(element), element,
                values ? $"Expected element 0 of a Value parameter, got {element}." : $"Expected an element index from 0 to {length - 1} of parameter {parameter}, got {element}.");
        var (block, at) = values ? (0, parameter) : (parameter, element);
        return _state[block, slot] switch
        {
            double[] d => d[at],
            float[] f => f[at],
            _ => 0,
        };
    }

    /// <summary>An update on a vector of parameters (4 to 16 lanes), with up to two running states.</summary>
    protected interface IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> state1, ref Vector<T> state2);
    }

    /// <summary>The last, partial vector goes through a padded copy, so the rule is written once.</summary>
    protected static void ForEachVector<T, TRule>(TRule rule, Span<T> p, ReadOnlySpan<T> g, Span<T> state1, Span<T> state2)
        where T : unmanaged, IFloatingPointIeee754<T> where TRule : struct, IRule<T>
    {
        int width = Vector<T>.Count, i = 0;
        bool has1 = !state1.IsEmpty, has2 = !state2.IsEmpty;
        var s1 = Vector<T>.Zero;
        var s2 = Vector<T>.Zero;
        for (; i <= p.Length - width; i += width)
        {
            var pi = new Vector<T>(p.Slice(i, width));
            if (has1) s1 = new Vector<T>(state1.Slice(i, width));
            if (has2) s2 = new Vector<T>(state2.Slice(i, width));
            rule.Apply(ref pi, new Vector<T>(g.Slice(i, width)), ref s1, ref s2);
            pi.CopyTo(p.Slice(i, width));
            if (has1) s1.CopyTo(state1.Slice(i, width));
            if (has2) s2.CopyTo(state2.Slice(i, width));
        }
        int rest = p.Length - i;
        if (rest == 0) return;
        Span<T> pad = stackalloc T[4 * width];
        Span<T> pp = pad[..width], gg = pad.Slice(width, width), p1 = pad.Slice(2 * width, width), p2 = pad.Slice(3 * width, width);
        p[i..].CopyTo(pp);
        g[i..].CopyTo(gg);
        if (has1) state1[i..].CopyTo(p1);
        if (has2) state2[i..].CopyTo(p2);
        var vp = new Vector<T>(pp);
        s1 = new Vector<T>(p1);
        s2 = new Vector<T>(p2);
        rule.Apply(ref vp, new Vector<T>(gg), ref s1, ref s2);
        vp.CopyTo(pp);
        s1.CopyTo(p1);
        s2.CopyTo(p2);
        pp[..rest].CopyTo(p[i..]);
        if (has1) p1[..rest].CopyTo(state1[i..]);
        if (has2) p2[..rest].CopyTo(state2[i..]);
    }

    protected static double Check(double value, double min, double max, string name, string expected) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"Expected {name} {expected}, got {value}.");
}
