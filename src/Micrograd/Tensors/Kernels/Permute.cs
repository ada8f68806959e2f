using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Kernels;

/// <summary>Moves elements between a tensor and its permutation (dimension d of the result is dimension
/// order[d] of the source), a row of the result at a time: a copy where the last dimension stays last.</summary>
internal static class Permute
{
    /// <summary>result[i] = source[p(i)], or with <paramref name="backward"/>: source[p(i)] += result[i].</summary>
    public static void Move<T>(Span<T> source, int[] sourceShape, int[] order, Span<T> result, bool backward)
        where T : IFloatingPointIeee754<T>
    {
        int rank = order.Length;
        if (result.Length == 0) return;
        if (rank == 0)
        {
            if (backward) source[0] += result[0];
            else result[0] = source[0];
            return;
        }
        var strides = Shapes.Strides(sourceShape);
        Span<int> size = stackalloc int[rank], stride = stackalloc int[rank], index = stackalloc int[rank];
        for (int d = 0; d < rank; d++) (size[d], stride[d]) = (sourceShape[order[d]], strides[order[d]]);
        int length = size[rank - 1], step = stride[rank - 1], offset = 0;
        for (int start = 0; start < result.Length; start += length)
        {
            var row = result.Slice(start, length);
            if (step == 1)
            {
                var from = source.Slice(offset, length);
                if (backward) TensorPrimitives.Add(from, row, from);
                else from.CopyTo(row);
            }
            else if (backward)
                for (int j = 0; j < length; j++) source[offset + j * step] += row[j];
            else
                for (int j = 0; j < length; j++) row[j] = source[offset + j * step];
            // The odometer over the result's outer dimensions.
            for (int d = rank - 2; d >= 0; d--)
            {
                offset += stride[d];
                if (++index[d] < size[d]) break;
                offset -= stride[d] * size[d];
                index[d] = 0;
            }
        }
    }
}
