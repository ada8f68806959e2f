using Micrograd.Training;

namespace Micrograd.Tests.Nn;

/// <summary>The losses' errors for bad input and their values on hand-computed cases (the PyTorch comparison
/// of values and gradients is <see cref="NnGoldenTests"/>, from tools/reference/nn_golden.py).</summary>
public class LossesTests
{
    private static Value[] V(params double[] xs) => xs.Select(x => new Value(x)).ToArray();

    [Fact]
    public void Mismatched_counts_name_both()
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.SumSquaredError(V(1, 2, 3), [1.0, 2.0]));
        Assert.Contains("3 predictions but 2 targets", e.Message);
        Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError(V(1), [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Losses.Hinge(V(1), [1.0, -1.0]));
        Assert.Throws<ArgumentException>(() => Losses.CrossEntropy([V(1, 2)], [0.0, 1.0]));
    }

    [Fact]
    public void Empty_input_is_rejected()
    {
        Assert.Contains("at least one example, got none", Assert.Throws<ArgumentException>(() => Losses.SumSquaredError([], [])).Message);
        Assert.Throws<ArgumentException>(() => Losses.CrossEntropy(Array.Empty<IReadOnlyList<Value>>(), []));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Hinge_rejects_labels_other_than_plus_or_minus_one(double label)
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.Hinge(V(0.3, 0.1), [1.0, label]));
        Assert.Contains("-1 or +1", e.Message);
        Assert.Contains("example 2", e.Message); // counted from 1, as in every message
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(3.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Cross_entropy_rejects_bad_class_indices(double target)
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.CrossEntropy([V(1, 2, 3), V(0, 0, 1)], [0.0, target]));
        Assert.Contains("class index from 0 to 2", e.Message);
        Assert.Contains("example 2", e.Message); // counted from 1, as in every message
        Assert.Throws<ArgumentException>(() => Losses.CrossEntropy(V(1, 2), 2));
        Assert.Throws<ArgumentException>(() => Losses.CrossEntropy(V(1, 2), -1));
    }

    [Fact]
    public void Values_by_hand()
    {
        Assert.Equal(0.25 + 4.0, Losses.SumSquaredError(V(1.5, -1.0), [1.0, 1.0]).Data);
        Assert.Equal((0.25 + 4.0) * 0.5, Losses.MeanSquaredError(V(1.5, -1.0), [1.0, 1.0]).Data);
        // relu(1 - 1*2) = 0, relu(1 - (-1)*0.5) = 1.5, relu(1 - 1*(-1)) = 2 → mean 3.5/3
        Assert.Equal(3.5 * (1.0 / 3), Losses.Hinge(V(2, 0.5, -1), [1.0, -1.0, 1.0]).Data);
        Assert.Equal(0.5 * (1 + 4 + 9), Losses.L2(V(1, -2, 3), 0.5).Data);
        // -log softmax([1, 2, 3])[0] = log(e + e² + e³) - 1
        Assert.Equal(Math.Log(Math.E + Math.Exp(2) + Math.Exp(3)) - 1, Losses.CrossEntropy(V(1, 2, 3), 0).Data, 14);
    }

    [Fact]
    public void Cross_entropy_is_stable_for_huge_logits_and_exact_for_a_shift()
    {
        var big = Losses.CrossEntropy(V(1000, 1001, 999), 1);
        var small = Losses.CrossEntropy(V(0, 1, -1), 1);
        Assert.True(double.IsFinite(big.Data));
        Assert.Equal(small.Data, big.Data, 12);
        var logits = V(1000, 1001, 999);
        Losses.CrossEntropy(logits, 1).Backward();
        double z = Math.Exp(-1) + 1 + Math.Exp(-2);
        Assert.Equal(Math.Exp(-1) / z, logits[0].Grad, 12);
        Assert.Equal(1 / z - 1, logits[1].Grad, 12);
    }

    [Fact]
    public void Objective_adds_l2_and_measures_accuracy()
    {
        var parameters = V(1, 2);
        var objective = new Objective(LossKind.MeanSquaredError, 0.1, OutputKind.Regression);
        var loss = objective.Loss([V(1.0), V(3.0)], [0.0, 3.0], parameters);
        Assert.Equal(0.5 + 0.1 * 5, loss.Data, 15);
        Assert.Null(objective.Accuracy([[1.0]], [0.5]));
        Assert.Equal(0.5, new Objective(LossKind.Hinge, 0, OutputKind.Sign).Accuracy([[0.3], [0.2]], [1.0, -1.0]));
        Assert.Equal(1.0, new Objective(LossKind.CrossEntropy, 0, OutputKind.ArgMax).Accuracy([[0.1, 0.7, 0.2], [3, 1, 2]], [1.0, 0.0]));
        Assert.Null(new Objective(LossKind.Hinge, 0, OutputKind.Sign).Accuracy([], []));
        Assert.Equal(0, OutputKinds.ArgMax([2.0, 2.0, 1.0])); // first on a tie
    }
}
