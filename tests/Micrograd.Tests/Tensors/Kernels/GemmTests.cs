using System.Numerics;
using System.Runtime.Intrinsics;
using CsCheck;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tests.Tensors.Kernels;

/// <summary>
/// The GEMM kernel against the textbook triple loop (GemmReference.cs): all four transpositions, float and
/// double, every vector width, random shapes (CsCheck, fixed seeds) and the edges of the blocking. No fixture:
/// the reference is computed here.
/// </summary>
public class GemmTests
{
    private const double FloatTolerance = 1e-5, DoubleTolerance = 1e-12;

    /// <summary>Sizes around the tile (MR is 4 to 12 rows, NR 2 to 32 columns, KC 256 steps), strides padded.</summary>
    private static readonly Gen<GemmCase> SmallCases =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 70], Gen.Int[0, 70], Gen.Int[0, 40], Gen.Int[0, 3].Array[3], Gen.Int,
            (ta, tb, m, n, k, pads, seed) => new GemmCase(ta, tb, m, n, k, pads[0], pads[1], pads[2], seed));

    private static string Seed(ulong n) => new PCG(7, n).ToString();

    internal static void Multiply<T>(GemmOperands<T> o, T[] c, int threads = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = o.Case;
        Gemm.Multiply<T>(g.TransposeA, g.TransposeB, g.M, g.N, g.K, o.ASpan, g.Lda, o.BSpan, g.Ldb,
            GemmOperands<T>.CSpan(c), g.Ldc, threads);
    }

    private static void Check<T>(GemmCase g, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var o = new GemmOperands<T>(g);
        var c = o.FreshC();
        Multiply(o, c);
        o.AssertProduct(c, tolerance);
    }

    [Fact]
    public void Random_float_products_match_the_triple_loop() =>
        SmallCases.Sample(g => Check<float>(g, FloatTolerance), iter: 300, seed: Seed(1), threads: 1);

    [Fact]
    public void Random_double_products_match_the_triple_loop() =>
        SmallCases.Sample(g => Check<double>(g, DoubleTolerance), iter: 300, seed: Seed(2), threads: 1);

    public static TheoryData<GemmCase> EdgeCases()
    {
        var data = new TheoryData<GemmCase>();
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            data.Add(new GemmCase(ta, tb, 1, 1, 1));
            data.Add(new GemmCase(ta, tb, 1, 40, 9, 2, 1, 3));        // one row: a vector times a matrix
            data.Add(new GemmCase(ta, tb, 37, 1, 9, 1, 2, 3));        // one column: a matrix times a vector
            data.Add(new GemmCase(ta, tb, 24, 64, 1));                 // k = 1: an outer product
            data.Add(new GemmCase(ta, tb, 12, 32, 16));                // exactly one AVX-512 float tile
            data.Add(new GemmCase(ta, tb, 13, 33, 17, 1, 1, 1));       // one past it in every direction
            data.Add(new GemmCase(ta, tb, 11, 31, 255));               // one short of it, k one short of KC
            data.Add(new GemmCase(ta, tb, 25, 17, 513, 5, 0, 2));      // k over two blocks of KC: three blocks
            data.Add(new GemmCase(ta, tb, 9, 5, 1100));                // large k, narrow C
            data.Add(new GemmCase(ta, tb, 530, 20, 260, 0, 3, 0));     // more rows than one MC block
            data.Add(new GemmCase(ta, tb, 3, 4200, 5, 1, 0, 1));       // more columns than one NC block
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_shapes_match_the_triple_loop(GemmCase g)
    {
        Check<float>(g, FloatTolerance);
        Check<double>(g, DoubleTolerance);
    }

    [Fact]
    public void Every_vector_width_gives_the_right_product()
    {
        // Each width runs on any machine (a vector type the hardware lacks is emulated), so all are tested here.
        var cases = SmallCases.Array[30];
        cases.Sample(gs =>
        {
            foreach (var g in gs)
            {
                Width<float, Vector512<float>, Simd512<float>>(g, FloatTolerance);
                Width<float, Vector256<float>, Simd256<float>>(g, FloatTolerance);
                Width<float, Vector128<float>, Simd128<float>>(g, FloatTolerance);
                Width<float, float, Scalar<float>>(g, FloatTolerance);
                Width<double, Vector512<double>, Simd512<double>>(g, DoubleTolerance);
                Width<double, Vector256<double>, Simd256<double>>(g, DoubleTolerance);
                Width<double, Vector128<double>, Simd128<double>>(g, DoubleTolerance);
                Width<double, double, Scalar<double>>(g, DoubleTolerance);
            }
        }, iter: 1, seed: Seed(3), threads: 1);
    }

    private static void Width<T, TVector, TSimd>(GemmCase g, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
    {
        if (g.M == 0 || g.N == 0 || g.K == 0) return; // the width-specific entry expects non-zero sizes
        var o = new GemmOperands<T>(g);
        var c = o.FreshC();
        Gemm.Multiply<T, TVector, TSimd>(g.TransposeA, g.TransposeB, g.M, g.N, g.K, o.ASpan, g.Lda, o.BSpan, g.Ldb,
            GemmOperands<T>.CSpan(c), g.Ldc, threads: 1);
        o.AssertProduct(c, tolerance);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void An_empty_sum_leaves_C_as_it_was(bool transposeA, bool transposeB)
    {
        // k = 0: C += nothing. C keeps every bit, NaN and negative zero included.
        double[] c = [1.5, double.NaN, -0.0, double.PositiveInfinity, 2, 3];
        double[] before = (double[])c.Clone();
        Gemm.Multiply<double>(transposeA, transposeB, 2, 3, 0, [], transposeA ? 2 : 0, [], transposeB ? 0 : 3, c, 3, 1);
        Assert.Equal(before.Select(BitConverter.DoubleToInt64Bits), c.Select(BitConverter.DoubleToInt64Bits));

        // m = 0 or n = 0: there is no C; nothing is read.
        Gemm.Multiply<float>(transposeA, transposeB, 0, 5, 4, [], 5, new float[20], transposeB ? 4 : 5, [], 5, 1);
        Gemm.Multiply<float>(transposeA, transposeB, 5, 0, 4, new float[20], transposeA ? 5 : 4, [], 4, [], 0, 1);
    }

    [Fact]
    public void Products_accumulate_into_C()
    {
        // Twice into the same C: C₀ + 2·A·B. With numbers exact in binary, the sums are exact too.
        var a = new double[] { 1, 2, 3, 4, 5, 6 };       // 2×3
        var b = new double[] { 1, 0.5, -1, 2, 0.25, 4 }; // 3×2
        var c = new double[] { 10, 20, 30, 40 };
        Gemm.Multiply<double>(false, false, 2, 2, 3, a, 3, b, 2, c, 2, 1);
        Gemm.Multiply<double>(false, false, 2, 2, 3, a, 3, b, 2, c, 2, 1);
        // A·B = [[1·1 − 2·1 + 3·0.25, 1·0.5 + 2·2 + 3·4], [4 − 5 + 1.5, 2 + 10 + 24]] = [[−0.25, 16.5], [0.5, 36]]
        Assert.Equal(new[] { 10 - 0.5, 20 + 33, 30 + 1, 40 + 72 }, c);
    }

    [Fact]
    public void Non_finite_numbers_reach_exactly_their_row_and_column()
    {
        // A NaN in A's row 5 and an infinity in B's column 7 spoil those lines of C and nothing else: the
        // zeros that pad short tiles must never meet them.
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var g = new GemmCase(ta, tb, 14, 35, 20);
            var o = new GemmOperands<float>(g);
            o.A[ta ? 3 * g.Lda + 5 : 5 * g.Lda + 3] = float.NaN;
            o.B[tb ? 7 * g.Ldb + 2 : 2 * g.Ldb + 7] = float.PositiveInfinity;
            var c = o.FreshC();
            Multiply(o, c);
            for (int i = 0; i < g.M; i++)
                for (int j = 0; j < g.N; j++)
                    Assert.True(float.IsFinite(c[i * g.Ldc + j]) == (i != 5 && j != 7), $"{g}: C[{i}, {j}] = {c[i * g.Ldc + j]}");
        }
    }
}
