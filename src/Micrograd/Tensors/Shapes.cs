namespace Micrograd.Tensors;

/// <summary>Shape arithmetic: counts, broadcasting, axes, strides. Every tensor is stored row-major and
/// contiguous, so a shape alone says where each element is.</summary>
internal static class Shapes
{
    public const int MaxRank = 8;

    /// <summary>1 for the shape [] of a single number.</summary>
    /// <exception cref="ArgumentException">For a negative dimension, too many dimensions, or more than
    /// <see cref="Array.MaxLength"/> elements.</exception>
    public static int Count(ReadOnlySpan<int> shape)
    {
        if (shape.Length > MaxRank)
            throw new ArgumentException($"Expected at most {MaxRank} dimensions, got {shape.Length} ({Format(shape)}).");
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Expected dimensions of 0 or more, got {Format(shape)}.");
            count *= d;
            if (count > Array.MaxLength)
                throw new ArgumentException($"Expected at most {Array.MaxLength:N0} elements in a tensor, but {Format(shape)} has more.");
        }
        return (int)count;
    }

    /// <summary>NumPy's rule: align on the right; each pair of dimensions must be equal, or one of them 1,
    /// which stretches to the other.</summary>
    /// <exception cref="ArgumentException">Naming both shapes when they do not broadcast.</exception>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        if (a.AsSpan().SequenceEqual(b)) return a;
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 1; i <= rank; i++)
        {
            int da = i <= a.Length ? a[^i] : 1, db = i <= b.Length ? b[^i] : 1;
            result[^i] = da == db || db == 1 ? da
                : da == 1 ? db
                : throw new ArgumentException(
                    $"Expected shapes that broadcast for '{op}', got {Format(a)} and {Format(b)}: dimension {rank - i} is {da} in one and {db} in the other.");
        }
        return result;
    }

    /// <summary>A negative axis counts from the end, as in PyTorch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an axis outside [-rank, rank).</exception>
    public static int Axis(int axis, int[] shape)
    {
        int rank = shape.Length;
        if (axis < -rank || axis >= rank)
            throw new ArgumentOutOfRangeException(nameof(axis), axis,
                $"Expected an axis from {-rank} to {rank - 1} for a tensor of shape {Format(shape)}, got {axis}.");
        return axis < 0 ? axis + rank : axis;
    }

    public static int[] Reduced(int[] shape, int axis, bool keepDims)
    {
        if (keepDims)
        {
            var kept = (int[])shape.Clone();
            kept[axis] = 1;
            return kept;
        }
        return [.. shape[..axis], .. shape[(axis + 1)..]];
    }

    /// <summary>The shape with dimension <paramref name="axis"/> set to <paramref name="size"/>.</summary>
    public static int[] With(int[] shape, int axis, int size)
    {
        var result = (int[])shape.Clone();
        result[axis] = size;
        return result;
    }

    /// <summary>A tensor seen as [outer, length, inner] around <paramref name="axis"/>.</summary>
    public static (int Outer, int Length, int Inner) AroundAxis(int[] shape, int axis)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= shape[i];
        for (int i = axis + 1; i < shape.Length; i++) inner *= shape[i];
        return (outer, shape[axis], inner);
    }

    /// <summary>Row-major strides in elements: the last dimension's is 1.</summary>
    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        int stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /// <summary>"[2, 3]"; "[]" for a single number.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
