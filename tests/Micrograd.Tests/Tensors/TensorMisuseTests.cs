using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Tests.Tensors;

/// <summary>Misuse gets one clear message naming the input and the limit.</summary>
public class TensorMisuseTests
{
    [Fact]
    public void A_tensor_of_a_number_type_the_kernels_lack_is_refused_on_creation()
    {
        var e = Assert.Throws<NotSupportedException>(() => Tensor<Half>.Zeros([2]));
        Assert.Contains("Tensor<float> or Tensor<double>, got Tensor<Half>", e.Message);
    }

    [Fact]
    public void Shape_cannot_be_used_to_change_the_tensor()
    {
        var t = Tensor<double>.Zeros([2, 3]);
        Assert.False(t.Shape is int[]);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)t.Shape)[0] = 6);
        Assert.Equal([2, 3], t.Shape);
    }

    [Fact]
    public void A_layer_larger_than_an_array_holds_is_refused_with_its_size()
    {
        var e = Assert.Throws<ArgumentException>(() => new Linear<double>(65536, 65537));
        Assert.Contains("'weight'", e.Message);
        Assert.Contains("[65537, 65536]", e.Message);
    }

    [Fact]
    public void MaxThreads_is_limited_to_the_processors_there_are()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.MaxThreads = int.MaxValue);
        Assert.Contains($"from 1 to {Environment.ProcessorCount}", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.MaxThreads = 0);
    }

    [Fact]
    public void A_module_budget_stops_a_layer_before_it_is_allocated()
    {
        using (ModuleBudget.Limit(100))
        {
            var e = Assert.Throws<ArgumentException>(() => new Linear<float>(1000, 1000, rng: new Rng(1)));
            Assert.Contains("at most 100 more parameter numbers", e.Message);
            _ = new Linear<float>(9, 9, rng: new Rng(1)); // 81 + 9 = 90 fit
        }
        _ = new Linear<float>(100, 100); // no limit outside the scope
    }
}
