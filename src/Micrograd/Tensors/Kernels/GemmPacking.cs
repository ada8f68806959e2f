using System.Numerics;
using System.Runtime.CompilerServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>Copies blocks of B, and A's last few rows, into the micro-kernel's order (B: panels of NR columns, a
/// row per step of k; A: MR numbers per step), read with unit stride whatever the transposition. Short panels
/// are padded with zeros, so the kernel never reads past a matrix.</summary>
internal static class GemmPacking
{
    /// <summary>Packs op(B)[depth0.., col0..] (depth × cols) into panels of NR = 2 vectors of columns.</summary>
    public static void PackB<T, TVector, TSimd>(bool transposeB, ReadOnlySpan<T> b, int ldb, int depth0, int col0,
        int depth, int cols, Span<T> packed)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int nr = 2 * TSimd.Count;
        ref T source = ref Unsafe.AsRef(in b[0]);
        ref T panel = ref packed[0];
        for (int j = 0; j < cols; j += nr)
        {
            int width = Math.Min(nr, cols - j);
            if (transposeB)
            {
                // B is stored n×k: the panel's columns are runs of k in B, to be laid across.
                GemmTranspose.Copy(in Unsafe.Add(ref source, (nint)(col0 + j) * ldb + depth0), ldb, width, depth, ref panel, nr);
                if (width < nr)
                    for (int p = 0; p < depth; p++)
                        for (int q = width; q < nr; q++) Unsafe.Add(ref panel, p * nr + q) = T.Zero;
            }
            else
            {
                // B is stored k×n: each step of k is already a run of the panel's columns.
                ref T row = ref Unsafe.Add(ref source, (nint)depth0 * ldb + col0 + j);
                for (int p = 0; p < depth; p++)
                {
                    ref T from = ref Unsafe.Add(ref row, (nint)p * ldb);
                    ref T to = ref Unsafe.Add(ref panel, p * nr);
                    if (width < nr)
                    {
                        TSimd.Store(default, ref to);
                        TSimd.Store(default, ref Unsafe.Add(ref to, TSimd.Count));
                    }
                    int q = 0;
                    for (; q + TSimd.Count <= width; q += TSimd.Count)
                        TSimd.Store(TSimd.Load(in Unsafe.Add(ref from, q)), ref Unsafe.Add(ref to, q));
                    for (; q < width; q++) Unsafe.Add(ref to, q) = Unsafe.Add(ref from, q);
                }
            }
            panel = ref Unsafe.Add(ref panel, depth * nr);
        }
    }

    /// <summary>Packs op(A)[row0..row0+rows, depth0..] (rows ≤ MR) into one panel of MR numbers per step of k,
    /// rows past <paramref name="rows"/> zero. Only the last, short panel of A is packed: full panels the kernel
    /// reads where they are.</summary>
    public static void PackAPanel<T>(bool transposeA, ReadOnlySpan<T> a, int lda, int row0, int depth0, int rows,
        int depth, int mr, Span<T> packed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        packed[..(depth * mr)].Clear();
        ref T to = ref packed[0];
        ref T from = ref Unsafe.AsRef(in a[transposeA ? depth0 * lda + row0 : row0 * lda + depth0]);
        nint rowStride = transposeA ? 1 : lda, stepStride = transposeA ? lda : 1;
        for (int r = 0; r < rows; r++)
            for (int p = 0; p < depth; p++)
                Unsafe.Add(ref to, p * mr + r) = Unsafe.Add(ref from, r * rowStride + p * stepStride);
    }
}
