namespace Micrograd.Tests.Engine;

/// <summary>
/// Backward(detectAnomaly: true) stops at the first non-finite value (forward order) or gradient (backward
/// order) and names the op and label of the node, like PyTorch's anomaly mode (no fixture).
/// </summary>
public class AnomalyTests
{
    [Fact]
    public void Log_of_zero_is_reported_at_the_labelled_log_node()
    {
        var x = new Value(0.0, "x");
        var y = x.Log();
        y.Label = "y";
        var z = y * 2 + 1; // -inf further down too, but y is where it appeared
        var e = Assert.Throws<AnomalyException>(() => z.Backward(detectAnomaly: true));
        Assert.Same(y, e.Node);
        Assert.Null(e.Producer);
        Assert.Equal("Anomaly: the value of the 'log' node 'y' is -inf.", e.Message);
        Assert.IsAssignableFrom<ArithmeticException>(e);
    }

    [Fact]
    public void The_first_bad_value_in_forward_order_is_reported_not_a_later_one()
    {
        var x = new Value(0.0, "x");
        var first = x.Log();
        first.Label = "first";
        var second = first * 0; // -inf * 0 = NaN
        second.Label = "second";
        var e = Assert.Throws<AnomalyException>(() => (second + 1).Backward(true));
        Assert.Same(first, e.Node);
    }

    [Fact]
    public void A_non_finite_leaf_is_reported_as_a_leaf()
    {
        var w = new Value(double.NaN, "w");
        var e = Assert.Throws<AnomalyException>(() => (w * 3).Backward(true));
        Assert.Same(w, e.Node);
        Assert.Equal("Anomaly: the value of the leaf 'w' is nan.", e.Message);
    }

    [Fact]
    public void An_unlabelled_node_is_described_by_its_op()
    {
        var x = new Value(-1.0);
        var e = Assert.Throws<AnomalyException>(() => x.Pow(0.5).Backward(true));
        Assert.Equal("Anomaly: the value of an unlabelled '**0.5' node is nan.", e.Message);
    }

    [Fact]
    public void Gradient_becoming_infinite_through_a_pole_at_zero_is_reported()
    {
        // sqrt(x) at 0 has a finite value but an infinite slope: d/dx x^0.5 = 0.5 / sqrt(x).
        var x = new Value(0.0, "x");
        var root = x.Pow(0.5);
        root.Label = "root";
        var y = root + 1;
        var e = Assert.Throws<AnomalyException>(() => y.Backward(detectAnomaly: true));
        Assert.Same(x, e.Node);
        Assert.Same(root, e.Producer);
        Assert.Equal("Anomaly: the gradient of the leaf 'x' became inf in the backward step of the '**0.5' node 'root'.", e.Message);
    }

    [Fact]
    public void Gradient_of_one_over_x_near_zero_overflows_in_log_backward()
    {
        // log(1e-310) = -713.8 is finite, but its derivative 1/x overflows to infinity.
        var x = new Value(1e-310, "x");
        var l = x.Log();
        l.Label = "logx";
        var e = Assert.Throws<AnomalyException>(() => (l * 0.5).Backward(true));
        Assert.Same(x, e.Node);
        Assert.Same(l, e.Producer);
        Assert.Contains("'log' node 'logx'", e.Message);
        Assert.Contains("became inf", e.Message);
    }

    [Fact]
    public void The_first_bad_gradient_in_backward_order_is_reported()
    {
        var x = new Value(0.0, "x");
        var r = x.Pow(0.5);          // gradient to x: inf
        var m = r * 2;
        m.Label = "m";
        var e = Assert.Throws<AnomalyException>(() => (m + 3).Backward(true));
        Assert.Same(x, e.Node);       // r's gradient is 2, fine; x's is the first that is not
        Assert.Same(r, e.Producer);
    }

    [Fact]
    public void Healthy_graph_does_not_throw_and_gets_the_same_gradients()
    {
        Value Build(Value a, Value b) => ((a * b).Tanh() + a.Exp() / (b.Pow(2) + 1)).Log().Sigmoid() - a.Relu();
        var a1 = new Value(0.3);
        var b1 = new Value(-0.8);
        Build(a1, b1).Backward(detectAnomaly: true);
        var a2 = new Value(0.3);
        var b2 = new Value(-0.8);
        Build(a2, b2).Backward();
        Assert.Equal(a2.Grad, a1.Grad);
        Assert.Equal(b2.Grad, b1.Grad);
    }

    [Fact]
    public void Without_detection_bad_numbers_flow_through_silently()
    {
        var x = new Value(0.0, "x");
        var y = x.Log() * 2;
        y.Backward();
        Assert.Equal(double.NegativeInfinity, y.Data);
        Assert.Equal(double.PositiveInfinity, x.Grad);

        var z = new Value(0.0);
        var r = z.Pow(0.5) + 1;
        r.Backward(detectAnomaly: false);
        Assert.Equal(double.PositiveInfinity, z.Grad);
    }
}
