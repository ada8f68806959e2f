using System.Numerics;
using System.Runtime.CompilerServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>GotoBLAS and BLIS's blocked GEMM on one thread: per block of at most KC steps of k, a KC×NC block of
/// B is packed (last-level cache); the micro-kernel sweeps C in blocks of MC rows (A's MC×KC block in L2) while
/// a KC×NR panel of B stays in L1. A is read where it lies, by its two strides; only a short last panel is copied.</summary>
internal static class GemmBlocked
{
    /// <summary>Most steps of k per block: a packed B panel (KC·NR numbers, 32 KB at 512 bits) stays in L1.</summary>
    private const int KC = 256;

    /// <summary>Bytes of A per block, meant to stay in L2 (1.25 MB per core on the Xeon measured).</summary>
    private const int ABlockBytes = 512 * 1024;

    /// <summary>Most columns of B per block: the packed block lives in the shared last-level cache.</summary>
    private const int NC = 4096;

    /// <summary>C[m×n] += op(A)·op(B) on the calling thread; sizes checked and non-zero.</summary>
    public static void Multiply<T, TVector, TSimd>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        int mr = TSimd.Rows, nr = 2 * TSimd.Count;
        // The fewest blocks of k of at most KC steps, as equal as they come (no short remainder block). They
        // depend on k alone, so however C is split among threads, each element is summed in the same order.
        int kBlocks = (k + KC - 1) / KC, kcMax = (k + kBlocks - 1) / kBlocks;
        int mcMax = Math.Max(mr, ABlockBytes / (kcMax * Unsafe.SizeOf<T>()) / mr * mr);
        int ncMax = NC / nr * nr;
        Span<T> packedB = GemmBuffers<T>.B(Math.Min(ncMax, RoundUp(n, nr)) * kcMax);
        Span<T> packedA = GemmBuffers<T>.A(mr * kcMax);
        ref T c0 = ref c[0];
        nint aRowStride = transposeA ? 1 : lda, aStepStride = transposeA ? lda : 1;
        int fullRows = m / mr * mr;

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                GemmPacking.PackB<T, TVector, TSimd>(transposeB, b, ldb, pc, jc, kc, nc, packedB);
                if (fullRows < m) GemmPacking.PackAPanel(transposeA, a, lda, fullRows, pc, m - fullRows, kc, mr, packedA);
                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        ref T panelB = ref packedB[jr * kc];
                        int cols = Math.Min(nr, nc - jr);
                        if (cols <= TSimd.Count)
                            Tiles<T, TVector, TSimd, OneVector>(a, aRowStride, aStepStride, packedA, fullRows, m, ic, mc, pc, kc,
                                in panelB, ref Unsafe.Add(ref c0, (nint)jc + jr), ldc, cols);
                        else
                            Tiles<T, TVector, TSimd, TwoVectors>(a, aRowStride, aStepStride, packedA, fullRows, m, ic, mc, pc, kc,
                                in panelB, ref Unsafe.Add(ref c0, (nint)jc + jr), ldc, cols);
                    }
                }
            }
        }
    }

    /// <summary>The tiles of rows ic..ic+mc against one panel of B; <paramref name="c"/> is C's column of the panel.</summary>
    private static void Tiles<T, TVector, TSimd, TWidth>(ReadOnlySpan<T> a, nint aRowStride, nint aStepStride,
        ReadOnlySpan<T> packedA, int fullRows, int m, int ic, int mc, int pc, int kc, ref readonly T panelB, ref T c,
        int ldc, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TWidth : ITileWidth
    {
        int mr = TSimd.Rows, nr = 2 * TSimd.Count;
        for (int i = ic; i < ic + mc; i += mr)
        {
            ref T tile = ref Unsafe.Add(ref c, (nint)i * ldc);
            if (i < fullRows)
                GemmMicroKernel.Tile<T, TVector, TSimd, TWidth>(kc, in a[(int)(i * aRowStride + pc * aStepStride)],
                    aRowStride, aStepStride, in panelB, nr, ref tile, ldc, mr, cols);
            else
                GemmMicroKernel.Tile<T, TVector, TSimd, TWidth>(kc, in packedA[0], 1, mr, in panelB, nr, ref tile, ldc,
                    m - i, cols);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
