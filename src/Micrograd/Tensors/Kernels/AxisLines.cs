using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Kernels;

/// <summary>The lines of a tensor along one axis, each as a contiguous span, so that an op along an axis
/// (softmax, layer norm) is written once over spans. Along the last axis a line is a slice of the tensor;
/// along another it is gathered into a scratch buffer and written back.</summary>
internal readonly ref struct AxisLines<T> where T : IFloatingPointIeee754<T>
{
    private readonly int _length, _inner;

    public AxisLines(int[] shape, int axis)
    {
        (Count, _length, _inner) = Shapes.AroundAxis(shape, axis) is var (outer, length, inner) ? (outer * inner, length, inner) : default;
    }

    public int Count { get; }

    public int Length => _length;

    /// <summary>Line <paramref name="line"/> of <paramref name="data"/>: a slice, or a copy in <paramref name="scratch"/>.</summary>
    public ReadOnlySpan<T> Read(ReadOnlySpan<T> data, int line, Span<T> scratch)
    {
        var (start, stride) = Where(line);
        if (stride == 1) return data.Slice(start, _length);
        for (int k = 0; k < _length; k++) scratch[k] = data[start + k * stride];
        return scratch[.._length];
    }

    /// <summary>Where to compute line <paramref name="line"/> of <paramref name="data"/>: the slice itself, or
    /// <paramref name="scratch"/>, to be handed to <see cref="Write"/> or <see cref="Add"/>.</summary>
    public Span<T> Target(Span<T> data, int line, Span<T> scratch)
    {
        var (start, stride) = Where(line);
        return stride == 1 ? data.Slice(start, _length) : scratch[.._length];
    }

    /// <summary>Stores a line computed in its <see cref="Target"/>.</summary>
    public void Write(ReadOnlySpan<T> computed, Span<T> data, int line)
    {
        var (start, stride) = Where(line);
        if (stride == 1) return;
        for (int k = 0; k < _length; k++) data[start + k * stride] = computed[k];
    }

    /// <summary>data's line += <paramref name="values"/>.</summary>
    public void Add(ReadOnlySpan<T> values, Span<T> data, int line)
    {
        var (start, stride) = Where(line);
        if (stride == 1) TensorPrimitives.Add(data.Slice(start, _length), values, data.Slice(start, _length));
        else for (int k = 0; k < _length; k++) data[start + k * stride] += values[k];
    }

    private (int Start, int Stride) Where(int line) => (line / _inner * _length * _inner + line % _inner, _inner);
}
