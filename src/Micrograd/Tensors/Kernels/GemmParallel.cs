using System.Numerics;

namespace Micrograd.Tensors.Kernels;

/// <summary>C cut into one part per thread, along columns in whole NR panels (rows in MR tiles when C is narrow),
/// each a blocked product with its own buffers. Each element is summed in the same order as on one thread, so
/// the result is the same to the last bit.</summary>
internal static class GemmParallel
{
    public static unsafe void Multiply<T, TVector, TSimd>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int nr = 2 * TSimd.Count, panels = (n + nr - 1) / nr, tiles = (m + TSimd.Rows - 1) / TSimd.Rows;
        bool byColumns = panels >= threads || panels >= tiles;
        int units = byColumns ? panels : tiles, unit = byColumns ? nr : TSimd.Rows;
        int parts = Math.Min(threads, units);
        int aLength = a.Length, bLength = b.Length, cLength = c.Length;
        // The spans stay pinned until every part is done, so the workers may reach them through pointers.
        fixed (T* pa = a, pb = b, pc = c)
        {
            nint aAddress = (nint)pa, bAddress = (nint)pb, cAddress = (nint)pc;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            {
                int start = (int)((long)units * part / parts) * unit;
                int end = Math.Min((int)((long)units * (part + 1) / parts) * unit, byColumns ? n : m);
                var allA = new ReadOnlySpan<T>((T*)aAddress, aLength);
                var allB = new ReadOnlySpan<T>((T*)bAddress, bLength);
                var allC = new Span<T>((T*)cAddress, cLength);
                if (byColumns)
                    GemmBlocked.Multiply<T, TVector, TSimd>(transposeA, transposeB, m, end - start, k, allA, lda,
                        allB[(transposeB ? start * ldb : start)..], ldb, allC[start..], ldc);
                else
                    GemmBlocked.Multiply<T, TVector, TSimd>(transposeA, transposeB, end - start, n, k,
                        allA[(transposeA ? start : start * lda)..], lda, allB, ldb, allC[(start * ldc)..], ldc);
            });
        }
    }
}
