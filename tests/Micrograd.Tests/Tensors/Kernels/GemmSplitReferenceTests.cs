using Micrograd.Tensors.Kernels;

namespace Micrograd.Tests.Tensors.Kernels;

/// <summary>A product split among threads by rows (C narrow) and by columns, against the definition
/// C[i, j] = Σ_p A[i, p]·B[p, j] summed in double: a second check of the split's offsets, independent of the
/// one-thread kernel.</summary>
public class GemmSplitReferenceTests
{
    [Theory]
    [InlineData(517, 8, 1031, 3)]   // narrow: split by rows of MR tiles
    [InlineData(64, 700, 97, 2)]    // wide: split by column panels
    public void Split_products_match_the_definition(int m, int n, int k, int threads)
    {
        var rng = new Micrograd.Data.Rng(21);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.Uniform(-1, 1)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.Uniform(-1, 1)).ToArray();
        var c = new float[m * n];
        Gemm.Multiply<float>(false, false, m, n, k, a, k, b, n, c, n, threads: 1); // warm the same buffers
        Array.Clear(c);
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            GemmParallel.Multiply<float, System.Runtime.Intrinsics.Vector256<float>, Simd256<float>>(false, false, m, n, k, a, k, b, n, c, n, threads);
        else
            GemmParallel.Multiply<float, float, Scalar<float>>(false, false, m, n, k, a, k, b, n, c, n, threads);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += (double)a[i * k + p] * b[p * n + j];
                Assert.True(Math.Abs(c[i * n + j] - sum) <= 1e-4 * (1 + Math.Abs(sum)), $"C[{i}, {j}] is {c[i * n + j]}, the definition gives {sum}");
            }
    }
}
