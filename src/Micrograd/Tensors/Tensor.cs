using System.Collections.ObjectModel;
using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors;

/// <summary>What every tensor has whatever its number type.</summary>
public abstract partial class Tensor
{
    private readonly int[] _dims;
    private ReadOnlyCollection<int>? _shape;

    private protected Tensor(int[] shape, bool requiresGrad)
    {
        Count = Shapes.Count(shape);
        _dims = shape;
        RequiresGrad = requiresGrad;
    }

    /// <summary>The most threads a tensor kernel may use (only large matrix products are split); from 1 to the
    /// processor count, which is the default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For fewer than 1 thread or more than the processor count.</exception>
    public static int MaxThreads
    {
        get;
        set => field = value >= 1 && value <= Environment.ProcessorCount
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxThreads), value,
                $"Expected from 1 to {Environment.ProcessorCount} threads (this machine's processors), got {value}.");
    } = Environment.ProcessorCount;

    /// <summary>Shared with the tensor: never hand it out.</summary>
    internal int[] Dims => _dims;

    /// <summary>The size of each dimension, outermost first; empty for a single number.</summary>
    public IReadOnlyList<int> Shape => _shape ??= Array.AsReadOnly(_dims);

    public int Count { get; }

    /// <summary>True when a backward pass computes this tensor's gradient: set on leaves (parameters), and on
    /// everything computed from a tensor that requires it (outside <see cref="NoGrad"/>).</summary>
    public bool RequiresGrad { get; }

    /// <summary>True for a tensor no op computed (a parameter, an input), as PyTorch's <c>is_leaf</c>.</summary>
    public abstract bool IsLeaf { get; }

    public abstract void ZeroGrad();
}

/// <summary>The tensor engine: micrograd's Value with whole arrays in place of single numbers, one graph node
/// per array operation, elementwise ops defined once in Ops.cs. Elements are stored row-major.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>; any other type is refused on first use.</typeparam>
/// <remarks>Unlike <see cref="Value"/>, as in PyTorch: only tensors that require a gradient, and what is
/// computed from them, are tracked; only leaves keep their <see cref="Grad"/> after a backward pass.</remarks>
public sealed partial class Tensor<T> : Tensor where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly bool s_supported = typeof(T) == typeof(float) || typeof(T) == typeof(double);

    private T[]? _data;            // null once ReleaseGraph released it
    private readonly Tensor<T>? _base; // a view's owner of the storage, whose release this view follows
    private readonly bool _pooled; // the array came from TensorPool, and goes back there on release
    internal Functions.Function<T>? Creator;
    internal long Mark; // the backward pass's visit mark, as Value's

    internal Tensor(T[] data, int[] shape, bool requiresGrad, bool pooled = false) : base(shape, requiresGrad)
    {
        if (!s_supported)
            throw new NotSupportedException($"Expected Tensor<float> or Tensor<double>, got Tensor<{typeof(T).Name}>: the kernels compute in float or double only.");
        _data = data;
        _pooled = pooled;
    }

    /// <summary>A view: the same storage as <paramref name="of"/> in another shape.</summary>
    internal Tensor(Tensor<T> of, int[] shape, bool requiresGrad) : this(of.Data, shape, requiresGrad) => _base = of._base ?? of;

    /// <exception cref="ObjectDisposedException">After <see cref="ReleaseGraph"/> released this tensor or the
    /// tensor whose storage it views.</exception>
    internal T[] Data => _data is { } data && (_base is null || _base._data is not null) ? data : throw Released();

    private bool IsReleased => _data is null || _base is { _data: null };

    private ObjectDisposedException Released() => new(
        $"Tensor{Shapes.Format(Dims)}",
        _base is { _data: null } && _data is not null
            ? "This tensor views the storage of a tensor that ReleaseGraph handed back; copy what you need (ToArray) before releasing the graph."
            : "This tensor's array was handed back by ReleaseGraph; read what you need from a graph, and call Backward, before releasing it.");

    public override bool IsLeaf => Creator is null;

    /// <summary>A copy of <paramref name="values"/>, last dimension fastest; <paramref name="requiresGrad"/> for a
    /// parameter, whose <see cref="Grad"/> backward passes fill in.</summary>
    /// <exception cref="ArgumentException">When the counts differ or a dimension is negative.</exception>
    public static Tensor<T> FromArray(T[] values, int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        int count = Shapes.Count(shape);
        if (values.Length != count)
            throw new ArgumentException($"Expected {count} values for shape {Shapes.Format(shape)}, got {values.Length}.", nameof(values));
        return new Tensor<T>((T[])values.Clone(), (int[])shape.Clone(), requiresGrad);
    }

    /// <exception cref="ArgumentException">For a negative dimension or more elements than an array holds.</exception>
    public static Tensor<T> Zeros(int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new(new T[Shapes.Count(shape)], (int[])shape.Clone(), requiresGrad);
    }

    public static Tensor<T> Ones(int[] shape, bool requiresGrad = false) => Full(shape, T.One, requiresGrad);

    public static Tensor<T> Full(int[] shape, T value, bool requiresGrad = false)
    {
        var t = Zeros(shape, requiresGrad);
        Array.Fill(t.Data, value);
        return t;
    }

    /// <summary>Draws uniform in [<paramref name="low"/>, <paramref name="high"/>), row-major, each drawn in
    /// double, then rounded to T.</summary>
    public static Tensor<T> Uniform(int[] shape, double low, double high, Rng rng, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Drawn(shape, requiresGrad, () => rng.Uniform(low, high));
    }

    /// <summary>Draws from the normal distribution (<see cref="Rng.Gaussian"/>), row-major, each drawn in double,
    /// then rounded to T.</summary>
    public static Tensor<T> Normal(int[] shape, double mean, double std, Rng rng, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Drawn(shape, requiresGrad, () => rng.Gaussian(mean, std));
    }

    // Each element drawn in double, in row-major order, then rounded to T.
    private static Tensor<T> Drawn(int[] shape, bool requiresGrad, Func<double> draw)
    {
        var t = Zeros(shape, requiresGrad);
        var data = t.Data;
        for (int i = 0; i < data.Length; i++) data[i] = T.CreateChecked(draw());
        return t;
    }

    /// <summary>A single number that takes no part in gradients, such as the 2 in <c>x * 2</c>.</summary>
    internal static Tensor<T> Constant(T value) => new([value], [], false);

    /// <summary>d(output)/d(this tensor), for leaves that require a gradient; null until a backward pass reaches
    /// it. It accumulates over passes, like <see cref="Value.Grad"/>: call <see cref="ZeroGrad"/> before each.</summary>
    public Tensor<T>? Grad { get; private set; }

    /// <summary>Keeps this computed tensor's gradient in <see cref="Grad"/> after backward passes, as PyTorch's
    /// <c>retain_grad()</c> (leaves keep theirs anyway). For looking inside a graph; it costs a copy.</summary>
    public void RetainGrad() => _retainGrad = true;

    private bool _retainGrad;

    public T[] ToArray() => (T[])Data.Clone();

    /// <summary>The same numbers in a tensor of their own that takes no part in any graph, as PyTorch's
    /// <c>detach().clone()</c>: it outlives <see cref="ReleaseGraph"/>.</summary>
    public Tensor<T> Detach() => new(ToArray(), (int[])Dims.Clone(), false);

    /// <exception cref="InvalidOperationException">When the tensor has more than one element.</exception>
    public T Item() => Count == 1
        ? Data[0]
        : throw new InvalidOperationException($"Expected a tensor of one element, got shape {Shapes.Format(Dims)}.");

    public override void ZeroGrad()
    {
        if (Grad is not null) Array.Clear(Grad.Data);
    }

    /// <summary>"Tensor&lt;Double&gt;[2, 3]", with the elements when there are few.</summary>
    public override string ToString()
    {
        string head = $"Tensor<{typeof(T).Name}>{Shapes.Format(Dims)}";
        if (IsReleased) return head + " (released)";
        return Count <= 10 ? $"{head} {{{string.Join(", ", Data)}}}" : head;
    }
}
