using System.Numerics;

namespace Micrograd.Tests.Tensors.Kernels;

/// <summary>One GEMM call: transpositions, sizes, and how much longer than its row each stride is.</summary>
public sealed record GemmCase(bool TransposeA, bool TransposeB, int M, int N, int K, int PadA = 0, int PadB = 0, int PadC = 0,
    int Seed = 1)
{
    public int Lda => (TransposeA ? M : K) + PadA;
    public int Ldb => (TransposeB ? K : N) + PadB;
    public int Ldc => N + PadC;
    public (int Rows, int Cols) AStored => TransposeA ? (K, M) : (M, K);
    public (int Rows, int Cols) BStored => TransposeB ? (N, K) : (K, N);

    /// <summary>The fewest numbers a matrix stored rows×cols with this stride takes: no padding after its last row.</summary>
    public static int Length((int Rows, int Cols) stored, int stride) =>
        stored.Rows == 0 || stored.Cols == 0 ? 0 : (stored.Rows - 1) * stride + stored.Cols;

    public override string ToString() =>
        $"{(TransposeA ? "Aᵀ" : "A")}·{(TransposeB ? "Bᵀ" : "B")} m={M} n={N} k={K} pads ({PadA}, {PadB}, {PadC}) seed {Seed}";
}

/// <summary>
/// Operands of the shortest length their sizes and strides allow, their elements random in [-1, 1]. The padding
/// of A and B, and a guard after each array's end, hold NaN, so a kernel that reads one into a result shows it;
/// the padding of C holds numbers that must come out unchanged. The expected product comes from the textbook
/// triple loop in double, with the bound that rounding error is measured against.
/// </summary>
internal sealed class GemmOperands<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Guard = 64;

    public readonly GemmCase Case;
    public readonly T[] A, B, C;

    public GemmOperands(GemmCase c)
    {
        Case = c;
        var random = new Random(c.Seed);
        A = Fill(c.AStored, c.Lda, T.NaN, random);
        B = Fill(c.BStored, c.Ldb, T.NaN, random);
        C = Fill((c.M, c.N), c.Ldc, T.One, random);
    }

    public ReadOnlySpan<T> ASpan => A.AsSpan(0, A.Length - Guard);
    public ReadOnlySpan<T> BSpan => B.AsSpan(0, B.Length - Guard);

    /// <summary>A copy of C₀ to multiply into, and the span of it the product may use.</summary>
    public T[] FreshC() => (T[])C.Clone();

    public static Span<T> CSpan(T[] c) => c.AsSpan(0, c.Length - Guard);

    public T OpA(int i, int p) => Case.TransposeA ? A[p * Case.Lda + i] : A[i * Case.Lda + p];

    public T OpB(int p, int j) => Case.TransposeB ? B[j * Case.Ldb + p] : B[p * Case.Ldb + j];

    /// <summary>C₀ + op(A)·op(B) by the triple loop in double, and Σ|terms| for each element of C.</summary>
    private (double[] Expected, double[] Magnitude) Reference()
    {
        var (m, n, k, ldc) = (Case.M, Case.N, Case.K, Case.Ldc);
        var expected = new double[C.Length];
        var magnitude = new double[C.Length];
        for (int i = 0; i < C.Length; i++) (expected[i], magnitude[i]) = (double.CreateChecked(C[i]), Math.Abs(double.CreateChecked(C[i])));
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++)
                {
                    double term = double.CreateChecked(OpA(i, p)) * double.CreateChecked(OpB(p, j));
                    expected[i * ldc + j] += term;
                    magnitude[i * ldc + j] += Math.Abs(term);
                }
        return (expected, magnitude);
    }

    /// <summary>Asserts that <paramref name="actual"/> is C₀ + op(A)·op(B) to <paramref name="relative"/> of the
    /// sum of the magnitudes of each element's terms, and that the padding of C is untouched.</summary>
    public void AssertProduct(T[] actual, double relative)
    {
        var (expected, magnitude) = Reference();
        for (int i = 0; i < actual.Length; i++)
        {
            bool inside = i < actual.Length - Guard && i % Case.Ldc < Case.N;
            double got = double.CreateChecked(actual[i]);
            if (!inside)
                Assert.True(actual[i] == C[i], $"{Case}: C's padding or guard at {i} changed from {C[i]} to {actual[i]}");
            else if (Math.Abs(got - expected[i]) > relative * magnitude[i] + 1e-30)
                Assert.Fail($"{Case}: C[{i / Case.Ldc}, {i % Case.Ldc}] = {got:R}, expected {expected[i]:R} " +
                            $"(error {Math.Abs(got - expected[i]):G3}, allowed {relative * magnitude[i]:G3})");
        }
    }

    private static T[] Fill((int Rows, int Cols) stored, int stride, T padding, Random random)
    {
        var values = new T[GemmCase.Length(stored, stride) + Guard];
        Array.Fill(values, padding);
        for (int r = 0; r < stored.Rows; r++)
            for (int q = 0; q < stored.Cols; q++)
                values[r * stride + q] = T.CreateChecked(random.NextDouble() * 2 - 1);
        return values;
    }
}
