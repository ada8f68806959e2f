using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Kernels;

/// <summary>Moves a stretch of an axis between a tensor and a smaller one holding only that stretch.</summary>
internal static class Blocks
{
    /// <summary>small (+)= big[..., start:start+length, ...], small of the big shape with the axis at length.</summary>
    public static void Copy<T>(ReadOnlySpan<T> big, int[] bigShape, int axis, int start, Span<T> small, int length, bool add)
        where T : IFloatingPointIeee754<T>
    {
        var (outer, size, inner) = Shapes.AroundAxis(bigShape, axis);
        int run = length * inner;
        for (int o = 0; o < outer; o++)
        {
            var from = big.Slice((o * size + start) * inner, run);
            var to = small.Slice(o * run, run);
            if (add) TensorPrimitives.Add(to, from, to);
            else from.CopyTo(to);
        }
    }

    /// <summary>big[..., start:start+length, ...] (+)= small.</summary>
    public static void CopyBack<T>(ReadOnlySpan<T> small, int length, Span<T> big, int[] bigShape, int axis, int start, bool add = true)
        where T : IFloatingPointIeee754<T>
    {
        var (outer, size, inner) = Shapes.AroundAxis(bigShape, axis);
        int run = length * inner;
        for (int o = 0; o < outer; o++)
        {
            var from = small.Slice(o * run, run);
            var to = big.Slice((o * size + start) * inner, run);
            if (add) TensorPrimitives.Add(to, from, to);
            else from.CopyTo(to);
        }
    }
}
