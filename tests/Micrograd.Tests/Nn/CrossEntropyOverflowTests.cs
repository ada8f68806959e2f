using Micrograd.Tensors;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Nn;

/// <summary>
/// Cross-entropy and log-softmax on logits 1000 apart, in the scalar engine (<see cref="Losses.CrossEntropy(IReadOnlyList{Value}, int)"/>)
/// and the tensor engine (<see cref="Tensor{T}.LogSoftmax"/>, <see cref="Tensor{T}.CrossEntropy"/>). e^1000 overflows,
/// so only a shift by the largest logit gives finite results: shifting by any other logit gives an infinite
/// loss. No fixture: the expected values are exact (e^-1000 is 0 in double precision), and the one row with
/// close logits (1000, 999) has the closed form a = log(1 + e^-1), softmax 1/(1 + e^-1) and e^-1/(1 + e^-1).
/// </summary>
public class CrossEntropyOverflowTests
{
    private const double Relative = 1e-14;

    private static readonly double Ln2 = Math.Log(2);
    private static readonly double A = Math.Log(1 + Math.Exp(-1));
    private static readonly double S = 1 / (1 + Math.Exp(-1));

    private sealed record Row(double[] Logits, int Target, double[] LogSoftmax, double Loss, double[] Gradient);

    // Gradient: d(loss)/d(logits) = softmax - one-hot(target).
    private static readonly Row[] Rows =
    [
        new([1000, 0, 0], 1, [0, -1000, -1000], 1000, [1, -1, 0]),
        new([-1000, 0, 0], 0, [-1000 - Ln2, -Ln2, -Ln2], 1000 + Ln2, [-1, 0.5, 0.5]),
        new([1000, -1000, 0], 2, [0, -2000, -1000], 1000, [1, 0, -1]),
        new([1000, 999, -1000], 0, [-A, -1 - A, -2000 - A], A, [S - 1, 1 - S, 0]),
    ];

    public static TheoryData<int> RowIndices() => new(Enumerable.Range(0, Rows.Length));

    [Theory]
    [MemberData(nameof(RowIndices))]
    public void Scalar_cross_entropy_is_finite_and_exact_for_logits_1000_apart(int r)
    {
        var row = Rows[r];
        var logits = row.Logits.Select(x => new Value(x)).ToArray();
        var loss = Losses.CrossEntropy(logits, row.Target);
        loss.Backward();
        Tolerance.AssertClose(row.Loss, loss.Data, $"row {r} loss", Relative);
        Tolerance.AssertAllClose(row.Gradient, logits.Select(l => l.Grad).ToArray(), $"row {r} gradient", Relative);
    }

    [Fact]
    public void Scalar_cross_entropy_of_a_batch_is_the_mean_of_its_rows()
    {
        var logits = Rows.Select(row => row.Logits.Select(x => new Value(x)).ToArray()).ToArray();
        var loss = Losses.CrossEntropy(logits, Rows.Select(row => (double)row.Target).ToArray());
        loss.Backward();
        Tolerance.AssertClose(Rows.Average(row => row.Loss), loss.Data, "mean loss", Relative);
        for (int r = 0; r < Rows.Length; r++)
            Tolerance.AssertAllClose(Rows[r].Gradient.Select(g => g / Rows.Length).ToArray(), logits[r].Select(l => l.Grad).ToArray(), $"row {r} gradient", Relative);
    }

    [Fact]
    public void Tensor_log_softmax_is_finite_and_exact_along_either_axis()
    {
        Tolerance.AssertAllClose(Flat(r => r.LogSoftmax), Logits().LogSoftmax(1).ToArray(), "log_softmax along the rows", Relative);
        var alongColumns = Logits().Transpose().LogSoftmax(0).Transpose().ToArray();
        Tolerance.AssertAllClose(Flat(r => r.LogSoftmax), alongColumns, "log_softmax of the transpose along axis 0", Relative);
    }

    [Fact]
    public void Tensor_cross_entropy_is_finite_and_exact_with_its_gradient()
    {
        var logits = Logits();
        var loss = logits.CrossEntropy(Rows.Select(r => r.Target).ToArray());
        loss.Backward();
        Tolerance.AssertClose(Rows.Average(r => r.Loss), loss.Item(), "mean loss", Relative);
        Tolerance.AssertAllClose(Flat(r => r.Gradient).Select(g => g / Rows.Length).ToArray(), logits.Grad!.ToArray(), "gradient", Relative);
    }

    private static Tensor<double> Logits() => Tensor<double>.FromArray(Flat(r => r.Logits), [Rows.Length, 3], requiresGrad: true);

    private static double[] Flat(Func<Row, double[]> part) => Rows.SelectMany(part).ToArray();
}
