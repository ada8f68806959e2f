using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>Tensor.CopyFrom: loading weights into a parameter in place.</summary>
public sealed class TensorCopyFromTests
{
    [Fact]
    public void CopyFromOverwritesTheElementsInPlace()
    {
        var w = Tensor<float>.Zeros([2, 2], requiresGrad: true);
        var y = (w * 3f).Sum();

        w.CopyFrom([1f, 2f, 3f, 4f]);

        Assert.Equal([1f, 2f, 3f, 4f], w.ToArray());
        Assert.Equal(0f, y.Item()); // what was computed before keeps its value
        Assert.True(w.RequiresGrad);
    }

    [Fact]
    public void CopyFromRefusesTheWrongCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor<double>.Zeros([2, 3]).CopyFrom([1.0, 2.0]));
        Assert.Contains("Expected 6 values for shape [2, 3], got 2", e.Message);
    }
}
