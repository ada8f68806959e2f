using Micrograd.Tensors.Kernels;

namespace Micrograd.Tests.Tensors.Kernels;

/// <summary>Bad sizes, strides and spans are refused before any number is touched, with the sizes in the message.</summary>
public class GemmArgumentTests
{
    private static ArgumentException Refused(bool transposeA, bool transposeB, int m, int n, int k, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc, int threads = 1)
    {
        var c = new double[cLength];
        Array.Fill(c, 7.0);
        var error = Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(transposeA, transposeB, m, n, k,
            new double[aLength], lda, new double[bLength], ldb, c, ldc, threads));
        Assert.All(c, x => Assert.Equal(7.0, x)); // nothing written
        return error;
    }

    [Fact]
    public void Negative_sizes_are_refused()
    {
        var error = Refused(false, false, 2, -1, 3, 6, 3, 0, 0, 0, 0);
        Assert.Contains("m = 2, n = -1, k = 3", error.Message);
    }

    [Fact]
    public void A_thread_count_below_one_is_refused()
    {
        var error = Refused(false, false, 2, 2, 2, 4, 2, 4, 2, 4, 2, threads: 0);
        Assert.Contains("at least 1; got 0", error.Message);
    }

    [Theory]
    [InlineData(false, 3, "A is stored 4×5, so its row stride must be at least 5; got 3")]
    [InlineData(true, 3, "A (transposed) is stored 5×4, so its row stride must be at least 4; got 3")]
    public void A_stride_shorter_than_its_row_is_refused(bool transposeA, int lda, string expected)
    {
        var error = Refused(transposeA, false, 4, 2, 5, 100, lda, 10, 2, 8, 2);
        Assert.Contains("op(A) 4×5 times op(B) 5×2", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Short_spans_are_refused_naming_what_they_needed()
    {
        // 4×5 A with row stride 6 takes 3·6 + 5 = 23 numbers.
        Assert.Contains("A is stored 4×5 with row stride 6, which takes 23 numbers; the span has 22",
            Refused(false, false, 4, 2, 5, 22, 6, 10, 2, 8, 2).Message);
        // Bᵀ stored 2×5 (n×k) with stride 5 takes 10.
        Assert.Contains("B (transposed) is stored 2×5 with row stride 5, which takes 10 numbers; the span has 9",
            Refused(false, true, 4, 2, 5, 20, 5, 9, 5, 8, 2).Message);
        Assert.Contains("C is stored 4×2 with row stride 3, which takes 11 numbers; the span has 10",
            Refused(false, false, 4, 2, 5, 20, 5, 10, 2, 10, 3).Message);
        Assert.Contains("C is stored 4×2, so its row stride must be at least 2; got 1",
            Refused(false, false, 4, 2, 5, 20, 5, 10, 2, 10, 1).Message);
    }

    [Fact]
    public void The_exact_length_is_enough()
    {
        // No padding after the last row: (rows − 1)·stride + cols numbers, and not one more, are needed.
        var c = new double[(4 - 1) * 3 + 2];
        Gemm.Multiply<double>(false, false, 4, 2, 5, new double[3 * 6 + 5], 6, new double[4 * 2 + 2], 2, c, 3, 1);
        Assert.All(c, x => Assert.Equal(0.0, x));
    }
}
