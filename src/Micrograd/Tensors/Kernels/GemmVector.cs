using System.Numerics;
using System.Runtime.CompilerServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>C a single row or column, where an MR×NR tile would waste all but one: dot products when the matrix's
/// rows run along k, else a sum of scaled rows.</summary>
internal static class GemmVector
{
    /// <summary>False, doing nothing, unless m = 1 or n = 1.</summary>
    public static bool TryMultiply<T, TVector, TSimd>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (n == 1)
        {
            // C is a column, c[i·ldc]; the vector is op(B)'s only column, b[p·(transposeB ? 1 : ldb)].
            int step = transposeB ? 1 : ldb;
            if (transposeA) ScaledRows<T, TVector, TSimd>(b, step, a, lda, m, k, c, ldc);
            else Dots<T, TVector, TSimd>(a, lda, m, b, step, k, c, ldc);
            return true;
        }
        if (m == 1)
        {
            // C is a row, c[j]; the vector is op(A)'s only row, a[p·(transposeA ? lda : 1)].
            int step = transposeA ? lda : 1;
            if (transposeB) Dots<T, TVector, TSimd>(b, ldb, n, a, step, k, c, 1);
            else ScaledRows<T, TVector, TSimd>(a, step, b, ldb, n, k, c, 1);
            return true;
        }
        return false;
    }

    /// <summary>y[i·yStride] += Σₚ M[i·ldm + p]·x[p·xStride] for i &lt; rows, p &lt; depth.</summary>
    private static void Dots<T, TVector, TSimd>(ReadOnlySpan<T> matrix, int ldm, int rows, ReadOnlySpan<T> x,
        int xStride, int depth, Span<T> y, int yStride)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        ref T v = ref Contiguous(x, xStride, depth);
        int width = TSimd.Count, vectorDepth = depth / width * width;
        for (int i = 0; i < rows; i++)
        {
            ref T row = ref Unsafe.AsRef(in matrix[i * ldm]);
            TVector sum = default;
            for (int p = 0; p < vectorDepth; p += width)
                sum = TSimd.MultiplyAdd(TSimd.Load(in Unsafe.Add(ref row, p)), TSimd.Load(in Unsafe.Add(ref v, p)), sum);
            T total = TSimd.Sum(sum);
            for (int p = vectorDepth; p < depth; p++) total += Unsafe.Add(ref row, p) * Unsafe.Add(ref v, p);
            y[i * yStride] += total;
        }
    }

    /// <summary>y[j·yStride] += Σₚ x[p·xStride]·M[p·ldm + j] for j &lt; cols, p &lt; depth.</summary>
    private static void ScaledRows<T, TVector, TSimd>(ReadOnlySpan<T> x, int xStride, ReadOnlySpan<T> matrix, int ldm,
        int cols, int depth, Span<T> y, int yStride)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        ref T m0 = ref Unsafe.AsRef(in matrix[0]);
        ref T x0 = ref Unsafe.AsRef(in x[0]);
        int width = TSimd.Count;
        Span<T> lanes = stackalloc T[width];
        for (int j = 0; j < cols; j += width)
        {
            int count = Math.Min(width, cols - j);
            TVector sum = default;
            if (count == width)
            {
                for (int p = 0; p < depth; p++)
                    sum = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x0, p * xStride)),
                        TSimd.Load(in Unsafe.Add(ref m0, p * ldm + j)), sum);
            }
            else
            {
                // The last columns, fewer than a vector: gathered into one, so that the sum below is the same.
                for (int p = 0; p < depth; p++)
                {
                    for (int q = 0; q < count; q++) lanes[q] = Unsafe.Add(ref m0, p * ldm + j + q);
                    sum = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x0, p * xStride)), TSimd.Load(in lanes[0]), sum);
                }
            }
            if (yStride == 1 && count == width) TSimd.Store(TSimd.Add(TSimd.Load(in y[j]), sum), ref y[j]);
            else
            {
                ref T lane = ref Unsafe.As<TVector, T>(ref sum);
                for (int q = 0; q < count; q++) y[(j + q) * yStride] += Unsafe.Add(ref lane, q);
            }
        }
    }

    /// <summary>The vector x[p·stride], p &lt; length, in place when the stride is 1, else copied to a buffer.</summary>
    private static ref T Contiguous<T>(ReadOnlySpan<T> x, int stride, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (stride == 1) return ref Unsafe.AsRef(in x[0]);
        Span<T> copy = GemmBuffers<T>.B(length);
        for (int p = 0; p < length; p++) copy[p] = x[p * stride];
        return ref copy[0];
    }
}
