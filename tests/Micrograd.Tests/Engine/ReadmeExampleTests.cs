namespace Micrograd.Tests.Engine;

/// <summary>The two examples from micrograd's README and test_engine.py, whose numbers PyTorch confirms
/// (no fixture: the numbers are written in micrograd's README and tests).</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Readme_example_gives_micrograds_values_and_gradients()
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Relu();
        d += 3 * d + (b - a).Relu();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();

        Assert.Equal(24.7041, g.Data, 4);
        Assert.Equal(138.8338, a.Grad, 4);
        Assert.Equal(645.5773, b.Grad, 4);
    }

    [Fact]
    public void Sanity_check_is_exact()
    {
        var x = new Value(-4.0);
        var z = 2 * x + 2 + x;
        var q = z.Relu() + z * x;
        var h = (z * z).Relu();
        var y = h + q + q * x;
        y.Backward();

        Assert.Equal(-20.0, y.Data);
        Assert.Equal(46.0, x.Grad);
    }
}
