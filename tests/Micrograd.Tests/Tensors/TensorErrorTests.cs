using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Tests.Tensors;

/// <summary>Bad input to the tensor API: each error names the shapes or values involved.</summary>
public class TensorErrorTests
{
    private static Tensor<double> T(params int[] shape) => Tensor<double>.Zeros(shape, requiresGrad: true);

    [Fact]
    public void Shapes_that_do_not_broadcast_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => T(2, 3) + T(4));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4]", e.Message);
        Assert.Contains("'+'", e.Message);
    }

    [Fact]
    public void Matrix_products_of_the_wrong_shapes_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => T(2, 3).MatMul(T(2, 3)));
        Assert.Contains("[2, 3] and [2, 3]", e.Message);
        Assert.Contains("[3]", Assert.Throws<ArgumentException>(() => T(3).MatMul(T(3, 1))).Message);
        Assert.Contains("[2, 3, 4]", Assert.Throws<ArgumentException>(() => T(2, 3, 4).Transpose()).Message);
    }

    [Fact]
    public void Reshape_to_another_count_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => T(2, 3).Reshape(4, 2));
        Assert.Contains("6 elements", e.Message);
        Assert.Contains("[4, 2]", e.Message);
        Assert.Throws<ArgumentException>(() => T(2, 3).Reshape(-1, 4));
        Assert.Throws<ArgumentException>(() => T(2, 3).Reshape(-1, -1));
        Assert.Equal([3, 2], T(2, 3).Reshape(-1, 2).Shape);
    }

    [Fact]
    public void Cross_entropy_checks_its_targets()
    {
        var logits = T(3, 4);
        Assert.Contains("3 rows but 2 targets", Assert.Throws<ArgumentException>(() => logits.CrossEntropy([0, 1])).Message);
        var outOfRange = Assert.Throws<ArgumentException>(() => logits.CrossEntropy([0, 4, 1]));
        Assert.Contains("from 0 to 3", outOfRange.Message);
        Assert.Contains("got 4 for row 2", outOfRange.Message);
        Assert.Contains("got -1", Assert.Throws<ArgumentException>(() => logits.CrossEntropy([0, 1, -1])).Message);
        Assert.Contains("[N, C]", Assert.Throws<ArgumentException>(() => T(3).CrossEntropy([0, 1, 2])).Message);
    }

    [Fact]
    public void Backward_needs_a_single_element_that_requires_a_gradient()
    {
        var e = Assert.Throws<InvalidOperationException>(() => (T(2, 3) * 2.0).Backward());
        Assert.Contains("[2, 3]", e.Message);
        Assert.Throws<InvalidOperationException>(() => Tensor<double>.Ones([1]).Backward());
    }

    [Fact]
    public void Axes_out_of_range_and_bad_construction_are_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => T(2, 3).Sum(2));
        Assert.Contains("from -2 to 1", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("6 values for shape [2, 3], got 5", Assert.Throws<ArgumentException>(() => Tensor<float>.FromArray(new float[5], [2, 3])).Message);
        Assert.Contains("[2, -1]", Assert.Throws<ArgumentException>(() => Tensor<float>.Zeros([2, -1])).Message);
        Assert.Throws<ArgumentException>(() => Tensor<float>.Zeros([1 << 20, 1 << 20]));
    }

    [Fact]
    public void Loss_targets_must_match_the_predictions()
    {
        var scores = T(4, 1);
        Assert.Contains("shape [4, 1] but targets of shape [3]",
            Assert.Throws<ArgumentException>(() => TensorLosses.Hinge(scores, Tensor<double>.FromArray([1, -1, 1], [3]))).Message);
        Assert.Contains("got 0.5 for example 2",
            Assert.Throws<ArgumentException>(() => TensorLosses.Hinge(scores, Tensor<double>.FromArray([1, 0.5, 1, -1], [4]))).Message);
    }

    [Fact]
    public void Anomaly_detection_names_the_first_bad_tensor()
    {
        var x = Tensor<double>.FromArray([1, 0, 2], [3], requiresGrad: true);
        var e = Assert.Throws<TensorAnomalyException>(() => x.Log().Sum().Backward(detectAnomaly: true));
        Assert.Contains("'log'", e.Message);
        Assert.Contains("-Infinity", e.Message);
        Assert.Contains("element 1", e.Message);
        // Without the check the pass goes through, as PyTorch's does.
        x.Log().Sum().Backward();
        Assert.Equal(double.PositiveInfinity, x.Grad!.ToArray()[1]);
    }

    [Fact]
    public void A_released_graph_cannot_be_read_but_its_leaves_and_gradients_can()
    {
        var w = Tensor<double>.FromArray([1, 2, 3], [3], requiresGrad: true);
        var h = (w * w).Reshape(1, 3);
        var loss = h.Sum();
        loss.Backward();
        double value = loss.Item();
        loss.ReleaseGraph();
        Assert.Equal(14, value);
        Assert.Equal([2.0, 4, 6], w.Grad!.ToArray());
        Assert.Equal([1.0, 2, 3], w.ToArray());
        var e = Assert.Throws<ObjectDisposedException>(() => h.ToArray());
        Assert.Contains("ReleaseGraph", e.Message);
        Assert.Throws<ObjectDisposedException>(() => h + 1.0);
        Assert.Throws<ObjectDisposedException>(() => loss.Item());
        loss.ReleaseGraph(); // twice is harmless
    }

    [Fact]
    public void Arrays_handed_back_are_reused_without_their_old_numbers_showing()
    {
        var x = Tensor<double>.FromArray([1, 2, 3, 4], [2, 2], requiresGrad: true);
        for (int step = 0; step < 3; step++)
        {
            var product = x.MatMul(x);            // the matrix product adds into a zeroed array
            var total = product.Sum(0).Sum();       // so do sums
            Assert.Equal([7.0, 10, 15, 22], product.ToArray());
            Assert.Equal(54, total.Item());
            total.Backward();
            total.ReleaseGraph();
        }
    }
}
