using System.Numerics;
using System.Runtime.Intrinsics;

namespace Micrograd.Tensors.Kernels;

/// <summary>The matrix product of the tensor engine: one call for MatMul's forward and its two backward products.</summary>
internal static class Gemm
{
    /// <summary>Multiply-adds (m·n·k) from which a product is split among threads. Waking a worker through
    /// Parallel.For took about 20 µs on the 2-core Xeon measured, so a split pays only when each half is much
    /// longer: 4·10⁶ multiply-adds take some 80 µs in float on one core (bench/Micrograd.Benchmarks/GemmBenchmarks.cs).</summary>
    internal const long ParallelWork = 4_000_000;

    /// <summary>C[m×n] += op(A)·op(B), row-major; transposed, A is stored k×m and B n×k. <paramref name="lda"/>,
    /// <paramref name="ldb"/>, <paramref name="ldc"/> are row strides in elements. The result does not depend on
    /// <paramref name="threads"/> (1: the calling thread only), to the last bit.</summary>
    /// <exception cref="ArgumentException">A size is negative, a stride is shorter than its row, or a span is
    /// shorter than its matrix.</exception>
    public static void Multiply<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmArguments.Check(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, threads);
        if (m == 0 || n == 0 || k == 0) return;
        if (Vector512.IsHardwareAccelerated)
            Multiply<T, Vector512<T>, Simd512<T>>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, threads);
        else if (Vector256.IsHardwareAccelerated)
            Multiply<T, Vector256<T>, Simd256<T>>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, threads);
        else if (Vector128.IsHardwareAccelerated)
            Multiply<T, Vector128<T>, Simd128<T>>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, threads);
        else
            Multiply<T, T, Scalar<T>>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, threads);
    }

    /// <summary>The product at one vector width (tests call each width directly); sizes checked and non-zero.</summary>
    internal static void Multiply<T, TVector, TSimd>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (GemmVector.TryMultiply<T, TVector, TSimd>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc)) return;
        threads = Math.Min(threads, Environment.ProcessorCount);
        if (threads > 1 && (long)m * n * k >= ParallelWork)
            GemmParallel.Multiply<T, TVector, TSimd>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, threads);
        else
            GemmBlocked.Multiply<T, TVector, TSimd>(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc);
    }
}
