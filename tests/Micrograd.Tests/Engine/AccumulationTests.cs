using Micrograd.Nn;
using Micrograd.Optim;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Gradients accumulate as in PyTorch: a node used twice gets both contributions, and a second backward
/// pass adds the same amount again to every leaf (intermediate nodes start each pass afresh), until
/// ZeroGrad. No fixture: the expected numbers are derivatives worked out by hand.
/// </summary>
public class AccumulationTests
{
    [Fact]
    public void A_plus_a_counts_a_twice()
    {
        var a = new Value(3.0);
        var b = a + a;
        b.Backward();
        Assert.Equal(2.0, a.Grad);
    }

    [Fact]
    public void A_times_a_is_two_a()
    {
        var a = new Value(-3.0);
        (a * a).Backward();
        Assert.Equal(-6.0, a.Grad);
    }

    [Fact]
    public void Shared_subexpression_passes_its_gradient_once_it_has_all_of_it()
    {
        var a = new Value(2.0);
        var b = a * 3;          // 6
        var c = b * b + b;      // 42; dc/db = 2b + 1 = 13
        var d = c + b.Tanh();   // dd/db = 13 + (1 - tanh² 6)
        d.Backward();
        double dddb = 13 + (1 - Math.Tanh(6) * Math.Tanh(6));
        Assert.Equal(dddb, b.Grad, 12);
        Assert.Equal(3 * dddb, a.Grad, 12);
    }

    [Fact]
    public void Diamond_reaches_the_leaf_by_both_paths()
    {
        var x = new Value(0.5);
        var left = x.Exp();
        var right = x.Pow(2);
        var top = left * right; // e^x x²
        top.Backward();
        Assert.Equal(Math.Exp(0.5) * (0.25 + 1.0), x.Grad, 14);
    }

    [Fact]
    public void Backward_twice_doubles_every_leaf_gradient_as_in_pytorch()
    {
        // torch: y = ((x*x)*3).tanh(); y.backward(retain_graph=True); y.backward() gives x.grad twice the first.
        var x = new Value(0.3);
        var w = new Value(-1.2);
        var hidden = x * x * 3;
        var y = (hidden * w).Tanh() + hidden;
        y.Backward();
        double gx = x.Grad, gw = w.Grad;
        Assert.NotEqual(0, gx);

        y.Backward();
        Assert.Equal(2 * gx, x.Grad, 14);
        Assert.Equal(2 * gw, w.Grad, 14);
        y.Backward();
        Assert.Equal(3 * gx, x.Grad, 14);
    }

    [Fact]
    public void Two_outputs_sharing_nodes_add_their_gradients()
    {
        var x = new Value(1.5);
        var h = (x * 2).Tanh();
        var o1 = h * 3;
        var o2 = h.Pow(2);
        o1.Backward();
        double g1 = x.Grad;
        o2.Backward();
        double dh = 2 * (1 - Math.Tanh(3) * Math.Tanh(3));
        Assert.Equal(3 * dh, g1, 14);
        Assert.Equal(3 * dh + 2 * Math.Tanh(3) * dh, x.Grad, 14);
    }

    [Fact]
    public void Backward_on_a_leaf_gives_it_gradient_one_and_accumulates_like_any_leaf()
    {
        var x = new Value(4.0);
        x.Backward();
        Assert.Equal(1.0, x.Grad);
        x.Backward(); // torch: x.backward() twice on a leaf gives x.grad == 2
        Assert.Equal(2.0, x.Grad);
    }

    [Fact]
    public void ZeroGrad_resets_parameters_so_the_next_pass_starts_clean()
    {
        var model = new MLP(2, [3, 1], rng: new Micrograd.Data.Rng(5));
        Value Loss() => model.Forward([0.5, -1.0])[0].Pow(2);
        Loss().Backward();
        var first = model.Parameters().Select(p => p.Grad).ToArray();
        Assert.Contains(first, g => g != 0);

        Loss().Backward(); // a new graph, without zeroing: gradients add up
        Assert.Equal(first.Select(g => 2 * g), model.Parameters().Select(p => p.Grad));

        model.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Equal(0.0, p.Grad));
        Loss().Backward();
        Assert.Equal(first, model.Parameters().Select(p => p.Grad));

        var sgd = new Sgd(model.Parameters(), 0.1);
        sgd.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Equal(0.0, p.Grad));
    }

    [Fact]
    public void Constants_on_either_side_do_not_disturb_the_gradient()
    {
        var x = new Value(2.0);
        var y = 3 / x - 1 + x * 4 - (5 - x) / 2; // d/dx = -3/x² + 4 + 1/2
        y.Backward();
        Assert.Equal(-0.75 + 4 + 0.5, x.Grad, 14);
    }
}
