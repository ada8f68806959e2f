namespace Micrograd.Tests.Engine;

/// <summary>BackwardSteps: the order and local derivatives that Backward is made of (no fixture: replaying
/// them must give Backward's own gradients, which the golden tests check against PyTorch).</summary>
public class BackwardStepsTests
{
    [Fact]
    public void Order_lists_computed_nodes_after_their_operands_ending_with_the_root()
    {
        var x = new Value(0.5, "x");
        var w = new Value(-1.5, "w");
        var b = new Value(0.25, "b");
        var xw = x * w;
        var n = xw + b;
        var o = n.Tanh();
        Assert.Equal([xw, n, o], BackwardSteps.Order(o));
        Assert.Empty(BackwardSteps.Order(x));
    }

    [Fact]
    public void Local_derivatives_follow_the_children()
    {
        var a = new Value(3.0);
        var b = new Value(-2.0);
        Assert.Equal([-2.0, 3.0], BackwardSteps.LocalDerivatives(a * b));
        Assert.Equal([1.0, -1.0], BackwardSteps.LocalDerivatives(a - b));
        Assert.Equal([12.0], BackwardSteps.LocalDerivatives(b.Pow(3))); // 3·b², the exponent is no child
        var t = new Value(0.7).Tanh();
        Assert.Equal([1 - t.Data * t.Data], BackwardSteps.LocalDerivatives(t));
        Assert.Empty(BackwardSteps.LocalDerivatives(a));
    }

    [Fact]
    public void Replaying_the_steps_gives_backwards_gradients_for_a_graph_that_reuses_nodes()
    {
        var a = new Value(-2.0, "a");
        var b = new Value(3.0, "b");
        var d = a * b;
        var e = a + b;
        var f = (d * e + (a / b).Exp() - e.Pow(2)).Sigmoid() + (a + a).Relu() + (d - a).Log();

        var order = BackwardSteps.Order(f);
        var grad = new Dictionary<Value, double>(ReferenceEqualityComparer.Instance) { [f] = 1 };
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            var local = BackwardSteps.LocalDerivatives(node);
            for (int c = 0; c < node.Children.Count; c++)
                grad[node.Children[c]] = grad.GetValueOrDefault(node.Children[c]) + local[c] * grad.GetValueOrDefault(node);
        }

        f.Backward();
        Assert.Equal(a.Grad, grad[a], 12);
        Assert.Equal(b.Grad, grad[b], 12);
        Assert.Equal(d.Grad, grad[d], 12);
        Assert.Equal(e.Grad, grad[e], 12);
    }
}
