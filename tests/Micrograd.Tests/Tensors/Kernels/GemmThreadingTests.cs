using System.Numerics;
using System.Runtime.Intrinsics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tests.Tensors.Kernels;

/// <summary>
/// A product split among threads gives the same bits as on one thread: every element is summed by the same
/// kernel in the same order, whichever thread computes it. The splits are called directly, with more parts than
/// this machine may have cores, so that they run even on one core.
/// </summary>
public class GemmThreadingTests
{
    public static TheoryData<bool, bool, int, int, int> Shapes => new()
    {
        { false, false, 50, 150, 30 },   // wide: split along columns
        { true, false, 90, 20, 40 },     // narrow: split along rows
        { false, true, 29, 70, 515 },    // ragged, three blocks of k
        { true, true, 61, 33, 20 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Any_number_of_parts_gives_the_bits_of_one_thread(bool transposeA, bool transposeB, int m, int n, int k)
    {
        Same<float, Vector512<float>, Simd512<float>>(new GemmCase(transposeA, transposeB, m, n, k, 1, 2, 3));
        Same<double, Vector512<double>, Simd512<double>>(new GemmCase(transposeA, transposeB, m, n, k, 3, 0, 1));
        Same<double, Vector256<double>, Simd256<double>>(new GemmCase(transposeA, transposeB, m, n, k));
    }

    private static void Same<T, TVector, TSimd>(GemmCase g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        var o = new GemmOperands<T>(g);
        var single = o.FreshC();
        GemmBlocked.Multiply<T, TVector, TSimd>(g.TransposeA, g.TransposeB, g.M, g.N, g.K, o.ASpan, g.Lda, o.BSpan, g.Ldb,
            GemmOperands<T>.CSpan(single), g.Ldc);
        o.AssertProduct(single, typeof(T) == typeof(float) ? 1e-5 : 1e-12);
        foreach (int threads in new[] { 2, 3, 7 })
        {
            var split = o.FreshC();
            GemmParallel.Multiply<T, TVector, TSimd>(g.TransposeA, g.TransposeB, g.M, g.N, g.K, o.ASpan, g.Lda, o.BSpan,
                g.Ldb, GemmOperands<T>.CSpan(split), g.Ldc, threads);
            for (int i = 0; i < single.Length; i++)
                Assert.True(single[i].Equals(split[i]), $"{g}, {threads} threads: C at {i} is {split[i]}, one thread gave {single[i]}");
        }
    }

    [Fact]
    public void The_public_entry_gives_the_same_bits_with_any_thread_count()
    {
        // Large enough to be split when the machine has two cores or more.
        var g = new GemmCase(false, true, 128, 200, 160);
        Assert.True((long)g.M * g.N * g.K >= Gemm.ParallelWork, "the case is too small to be split");
        var o = new GemmOperands<float>(g);
        var one = o.FreshC();
        GemmTests.Multiply(o, one, threads: 1);
        foreach (int threads in new[] { 2, 4 })
        {
            var many = o.FreshC();
            GemmTests.Multiply(o, many, threads);
            Assert.Equal(one, many);
        }
    }
}
