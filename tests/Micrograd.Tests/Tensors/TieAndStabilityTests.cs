using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>Behaviours no random fixture pins down: ties in Max, and log-softmax on rows far below 0.</summary>
public class TieAndStabilityTests
{
    [Fact]
    public void Max_sends_a_tie_s_gradient_to_the_first_element_as_pytorch()
    {
        var x = Tensor<double>.FromArray([5, 5, 1], [3], requiresGrad: true);
        x.Max(0).Backward();
        Assert.Equal([1.0, 0.0, 0.0], x.Grad!.ToArray());

        var m = Tensor<float>.FromArray([2, 7, 7, 3, 3, 1], [2, 3], requiresGrad: true);
        m.Max(1).Sum().Backward();
        Assert.Equal([0f, 1, 0, 1, 0, 0], m.Grad!.ToArray());
    }

    [Fact]
    public void Cross_entropy_of_a_row_far_below_zero_is_finite_in_both_engines()
    {
        // log(1 + e^-1 + e^-2) = 0.40760596444...: the stabiliser must be the row's maximum, not 0.
        const double expected = 0.4076059644443806;
        var logits = Tensor<double>.FromArray([-1000, -1001, -1002], [1, 3], requiresGrad: true);
        Assert.Equal(expected, logits.CrossEntropy([0]).Item(), 12);
        Assert.Equal(expected, -Tensor<float>.FromArray([-1000, -1001, -1002], [1, 3]).LogSoftmax(1).ToArray()[0], 5);
        Assert.Equal(expected, -Tensor<double>.FromArray([-1000, -1001, -1002], [1, 3]).Softmax(1).Log().ToArray()[0], 12);
        var values = new[] { new Value(-1000), new Value(-1001), new Value(-1002) };
        Assert.Equal(expected, Losses.CrossEntropy(values, 0).Data, 12);
    }
}
