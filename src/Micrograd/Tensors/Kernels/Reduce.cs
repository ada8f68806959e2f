using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Kernels;

internal static class Reduce
{
    /// <summary>Broadcasting's backward: target += <paramref name="full"/> summed over the broadcast dimensions,
    /// since a value used in many places receives the sum of their gradients.</summary>
    public static void SumTo<T>(ReadOnlySpan<T> full, int[] fullShape, Span<T> target, int[] targetShape)
        where T : IFloatingPointIeee754<T>
    {
        var rows = new BroadcastRows(fullShape, targetShape, fullShape);
        int n = rows.Length;
        bool along = rows.StrideA == 1;
        while (rows.Next(out int o, out int it, out _))
        {
            var row = full.Slice(o, n);
            if (along) TensorPrimitives.Add(target.Slice(it, n), row, target.Slice(it, n));
            else target[it] += TensorPrimitives.Sum(row);
        }
    }

    /// <summary>full += <paramref name="small"/> broadcast to <paramref name="fullShape"/> (the backward of a sum).</summary>
    public static void AddBroadcast<T>(ReadOnlySpan<T> small, int[] smallShape, Span<T> full, int[] fullShape)
        where T : IFloatingPointIeee754<T>
    {
        var rows = new BroadcastRows(fullShape, smallShape, fullShape);
        int n = rows.Length;
        bool along = rows.StrideA == 1;
        while (rows.Next(out int o, out int i, out _))
        {
            var row = full.Slice(o, n);
            if (along) TensorPrimitives.Add(row, small.Slice(i, n), row);
            else TensorPrimitives.Add(row, small[i], row);
        }
    }

    /// <summary>The first on a tie; NaN wins over any number, as in PyTorch.</summary>
    public static void MaxAxis<T>(ReadOnlySpan<T> x, int outer, int length, int inner, Span<T> max, Span<int> argMax)
        where T : IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * length * inner + i, best = 0;
                T m = x[start];
                for (int k = 1; k < length && !T.IsNaN(m); k++)
                {
                    T v = x[start + k * inner];
                    if (v > m || T.IsNaN(v)) (m, best) = (v, k);
                }
                max[o * inner + i] = m;
                argMax[o * inner + i] = best;
            }
    }
}
