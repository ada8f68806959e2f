using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>After ReleaseGraph hands a graph's arrays back to the pool, nothing reads them again silently: a
/// released tensor, and a view of one, throw ObjectDisposedException; Backward after release throws.</summary>
public class ReleasedGraphTests
{
    [Fact]
    public void A_view_kept_after_release_throws_instead_of_reading_another_steps_numbers()
    {
        var w = Tensor<double>.FromArray([1, 2, 3, 4], [2, 2], requiresGrad: true);
        var h = w * 10.0;
        var flat = h.Reshape(4);
        var loss = h.Sum();
        loss.Backward();
        loss.ReleaseGraph();
        var other = w * 1000.0; // rents the array h gave back
        Assert.Equal(1000.0, other.ToArray()[0]);
        Assert.Contains("views the storage", Assert.Throws<ObjectDisposedException>(() => flat.ToArray()).Message);
        Assert.Throws<ObjectDisposedException>(() => flat.Reshape(2, 2));
        Assert.Throws<ObjectDisposedException>(() => flat.Sum());
        Assert.Contains("(released)", flat.ToString());
    }

    [Fact]
    public void A_view_of_a_view_follows_the_storage_owner()
    {
        var w = Tensor<float>.FromArray([1, 2, 3, 4, 5, 6], [6], requiresGrad: true);
        var h = w.Exp();
        var twice = h.Reshape(2, 3).Reshape(3, 2);
        var loss = h.Sum();
        loss.ReleaseGraph();
        Assert.Throws<ObjectDisposedException>(() => twice.ToArray());
    }

    [Fact]
    public void Backward_after_release_throws_rather_than_doing_nothing()
    {
        var w = Tensor<double>.FromArray([0.5, -1], [2], requiresGrad: true);
        var loss = (w * w).Sum();
        loss.ReleaseGraph();
        var e = Assert.Throws<ObjectDisposedException>(() => loss.Backward());
        Assert.Contains("call Backward", e.Message);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void Backward_through_a_graph_another_release_reached_throws()
    {
        var w = Tensor<double>.FromArray([0.5, -1], [2], requiresGrad: true);
        var shared = w.Tanh();
        var first = shared.Sum();
        var second = (shared * shared).Sum();
        first.ReleaseGraph();
        Assert.Throws<ObjectDisposedException>(() => second.Backward());
    }

    [Fact]
    public void Detach_and_ToArray_outlive_the_graph_and_leaves_are_never_released()
    {
        var w = Tensor<double>.FromArray([1, 2], [2], requiresGrad: true);
        var y = w * 3.0;
        var kept = y.Detach();
        var copy = y.ToArray();
        y.Sum().ReleaseGraph();
        _ = w * 7.0;
        Assert.Equal([3.0, 6.0], kept.ToArray());
        Assert.Equal([3.0, 6.0], copy);
        Assert.Equal([1.0, 2.0], w.ToArray());
        w.ReleaseGraph();
        Assert.Equal([1.0, 2.0], w.ToArray());
    }

    [Fact]
    public void An_output_computed_without_a_graph_is_released_on_its_own()
    {
        var w = Tensor<double>.FromArray([1, 2], [2], requiresGrad: true);
        Tensor<double> y;
        using (Tensor.NoGrad()) y = w * 2.0;
        Assert.False(y.RequiresGrad);
        y.ReleaseGraph();
        Assert.Throws<ObjectDisposedException>(() => y.ToArray());
    }
}
