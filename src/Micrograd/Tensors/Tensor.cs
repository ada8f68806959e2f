using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors;

/// <summary>What every tensor has whatever its number type.</summary>
public abstract class Tensor
{
    private protected Tensor(int[] shape, bool requiresGrad)
    {
        Dims = shape;
        Count = Tensors.Shape.Count(shape);
        RequiresGrad = requiresGrad;
    }

    /// <summary>The most threads a tensor kernel may use (only large matrix products are split); at least 1,
    /// the processor count by default.</summary>
    public static int MaxThreads
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxThreads), value, $"Expected at least 1 thread, got {value}.");
    } = Environment.ProcessorCount;

    internal readonly int[] Dims;

    /// <summary>The size of each dimension, outermost first; empty for a single number.</summary>
    public IReadOnlyList<int> Shape => Dims;

    public int Count { get; }

    /// <summary>True when a backward pass computes this tensor's gradient: set on leaves (parameters), and on
    /// everything computed from a tensor that requires it.</summary>
    public bool RequiresGrad { get; }

    public abstract void ZeroGrad();

    internal abstract void Update(Optim.Optimizer optimizer, int index);
}

/// <summary>The tensor engine: micrograd's Value with whole arrays in place of single numbers, one graph node
/// per array operation, elementwise ops defined once in Ops.cs. Elements are stored row-major.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>Unlike <see cref="Value"/>, as in PyTorch: only tensors that require a gradient, and what is
/// computed from them, are tracked; only leaves keep their <see cref="Grad"/> after a backward pass.</remarks>
public sealed partial class Tensor<T> : Tensor where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? _data;
    private readonly bool _pooled; // the array came from TensorPool, and goes back there on release
    internal Functions.Function<T>? Creator;
    internal long Mark; // the backward pass's visit mark, as Value's

    internal Tensor(T[] data, int[] shape, bool requiresGrad, bool pooled = false) : base(shape, requiresGrad)
    {
        _data = data;
        _pooled = pooled;
    }

    /// <exception cref="ObjectDisposedException">After <see cref="ReleaseGraph"/> released this tensor.</exception>
    internal T[] Data => _data ?? throw new ObjectDisposedException(
        $"Tensor{Tensors.Shape.Format(Dims)}", "This tensor's array was handed back by ReleaseGraph; read what you need from a graph before releasing it.");

    /// <summary>A copy of <paramref name="values"/>, last dimension fastest; <paramref name="requiresGrad"/> for a
    /// parameter, whose <see cref="Grad"/> backward passes fill in.</summary>
    /// <exception cref="ArgumentException">When the counts differ or a dimension is negative.</exception>
    public static Tensor<T> FromArray(T[] values, int[] shape, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        int count = Tensors.Shape.Count(shape);
        if (values.Length != count)
            throw new ArgumentException($"Expected {count} values for shape {Tensors.Shape.Format(shape)}, got {values.Length}.", nameof(values));
        return new Tensor<T>((T[])values.Clone(), (int[])shape.Clone(), requiresGrad);
    }

    public static Tensor<T> Zeros(int[] shape, bool requiresGrad = false) =>
        new(new T[Tensors.Shape.Count(shape)], (int[])shape.Clone(), requiresGrad);

    public static Tensor<T> Ones(int[] shape, bool requiresGrad = false)
    {
        var t = Zeros(shape, requiresGrad);
        Array.Fill(t.Data, T.One);
        return t;
    }

    /// <summary>Draws uniform in [<paramref name="low"/>, <paramref name="high"/>), row-major, each drawn in
    /// double, then rounded to T.</summary>
    public static Tensor<T> Uniform(int[] shape, double low, double high, Rng rng, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Zeros(shape, requiresGrad);
        for (int i = 0; i < t.Data.Length; i++) t.Data[i] = T.CreateChecked(rng.Uniform(low, high));
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

    /// <exception cref="InvalidOperationException">When the tensor has more than one element.</exception>
    public T Item() => Count == 1
        ? Data[0]
        : throw new InvalidOperationException($"Expected a tensor of one element, got shape {Tensors.Shape.Format(Dims)}.");

    public override void ZeroGrad()
    {
        if (Grad is not null) Array.Clear(Grad.Data);
    }

    /// <summary>"Tensor&lt;Double&gt;[2, 3]", with the elements when there are few.</summary>
    public override string ToString()
    {
        string head = $"Tensor<{typeof(T).Name}>{Tensors.Shape.Format(Dims)}";
        return Count <= 10 ? $"{head} {{{string.Join(", ", Data)}}}" : head;
    }

    internal override void Update(Optim.Optimizer optimizer, int index)
    {
        if (Grad is not null) optimizer.Update(index, Data.AsSpan(), (ReadOnlySpan<T>)Grad.Data);
    }

    /// <summary>Where a backward pass adds this tensor's gradient: a leaf's <see cref="Grad"/>, or a zeroed
    /// buffer that lives until this tensor has passed its gradient on; empty if it takes no part.</summary>
    internal Span<T> GradientSpan()
    {
        if (!RequiresGrad) return default;
        if (Creator is null)
        {
            Grad ??= new Tensor<T>(new T[Count], Dims, false);
            return Grad.Data;
        }
        if (GradBuffer is null)
        {
            GradBuffer = System.Buffers.ArrayPool<T>.Shared.Rent(Count);
            Array.Clear(GradBuffer, 0, Count);
        }
        return GradBuffer.AsSpan(0, Count);
    }

    internal T[]? GradBuffer;

    /// <summary>Hands the arrays of this tensor and of every computed tensor on the way to it (not leaves) back
    /// to a pool for the next step; those tensors can no longer be used. Optional (else the garbage collector
    /// reclaims them); a training loop calls it last, once it has read the loss.</summary>
    public void ReleaseGraph()
    {
        foreach (var t in TopologicalOrder())
        {
            if (t._pooled && t._data is not null) TensorPool<T>.Return(t._data);
            t._data = null;
            t.Creator = null;
        }
    }

    /// <summary>Called once this computed tensor has passed its gradient on.</summary>
    internal void ReleaseGradient()
    {
        if (GradBuffer is null) return;
        if (_retainGrad)
        {
            Grad ??= new Tensor<T>(new T[Count], Dims, false);
            System.Numerics.Tensors.TensorPrimitives.Add(Grad.Data, GradBuffer.AsSpan(0, Count), Grad.Data);
        }
        ReturnGradient();
    }

    internal void ReturnGradient()
    {
        if (GradBuffer is null) return;
        System.Buffers.ArrayPool<T>.Shared.Return(GradBuffer);
        GradBuffer = null;
    }
}
