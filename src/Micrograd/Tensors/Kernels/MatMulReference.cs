using System.Numerics;

namespace Micrograd.Tensors.Kernels;

/// <summary>A plain triple loop with Gemm's signature: C[m×n] += op(A)·op(B). Stands in until the packed kernel lands.</summary>
internal static class MatMulReference
{
    public static void Multiply<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                T x = transposeA ? a[p * lda + i] : a[i * lda + p];
                for (int j = 0; j < n; j++)
                    c[i * ldc + j] += x * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
            }
    }
}
