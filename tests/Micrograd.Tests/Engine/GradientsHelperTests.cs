namespace Micrograd.Tests.Engine;

/// <summary>The numerical-derivative helpers: their error behaves as theory says, Check agrees with
/// backpropagation, bad arguments are rejected (no fixture: closed-form derivatives).</summary>
public class GradientsHelperTests
{
    [Fact]
    public void Numerical_and_central_estimate_known_derivatives()
    {
        Assert.Equal(Math.Cos(1.0), Gradients.Numerical(Math.Sin, 1.0), 5);
        Assert.Equal(Math.Cos(1.0), Gradients.Central(Math.Sin, 1.0), 9);
        Assert.Equal(3 * 4.0, Gradients.Central(x => x * x * x, 2.0, 1e-4), 6); // 3x² at 2
    }

    [Fact]
    public void Forward_difference_error_shrinks_like_h_and_central_like_h_squared()
    {
        // f = exp at 0.5: forward error ≈ h/2·f'', central error ≈ h²/6·f'''.
        double exact = Math.Exp(0.5);
        double Fwd(double h) => Math.Abs(Gradients.Numerical(Math.Exp, 0.5, h) - exact);
        double Cen(double h) => Math.Abs(Gradients.Central(Math.Exp, 0.5, h) - exact);

        Assert.InRange(Fwd(1e-2) / Fwd(1e-3), 9, 11);     // ten times smaller h, ten times smaller error
        Assert.InRange(Fwd(1e-3) / Fwd(1e-4), 9, 11);
        Assert.InRange(Cen(1e-2) / Cen(1e-3), 95, 105);   // a hundred times smaller error
        Assert.InRange(Fwd(1e-3), 0.4 * 1e-3 * exact, 0.6 * 1e-3 * exact);
        Assert.InRange(Cen(1e-2), 0.9 * 1e-4 / 6 * exact, 1.1 * 1e-4 / 6 * exact);
        Assert.True(Cen(1e-3) < Fwd(1e-3) / 100, "for the same h the central difference is much better");
    }

    [Fact]
    public void Check_agrees_with_backward_on_a_function_with_known_gradient()
    {
        // f(x, y, z) = x·y + sin-free smooth ops: tanh(x) · e^y / z + z²
        var check = Gradients.Check(v => v[0] * v[1] + v[0].Tanh() * v[1].Exp() / v[2] + v[2].Pow(2), [0.5, -0.3, 1.7]);
        double x = 0.5, y = -0.3, z = 1.7;
        double t = Math.Tanh(x), e = Math.Exp(y);
        double[] expected = [y + (1 - t * t) * e / z, x + t * e / z, -t * e / (z * z) + 2 * z];
        Assert.Equal(3, check.Analytic.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], check.Analytic[i], 14);
            Assert.Equal(expected[i], check.Numerical[i], 8);
        }
        Assert.InRange(check.WorstRelativeError, 0, 1e-8);
        Assert.InRange(check.WorstIndex, 0, 2);
        Assert.Contains("worst relative error", check.ToString());
    }

    [Fact]
    public void Check_reports_a_wrong_gradient()
    {
        // relu at its kink: backward says 0, the central difference says 0.5.
        var check = Gradients.Check(v => v[0].Relu(), [0.0]);
        Assert.Equal(0.0, check.Analytic[0]);
        Assert.Equal(0.5, check.Numerical[0], 9);
        Assert.Equal(0.5, check.WorstRelativeError, 9);
        Assert.Equal(0, check.WorstIndex);
    }

    [Fact]
    public void Check_of_no_inputs_has_no_worst()
    {
        var check = Gradients.Check(_ => new Value(1.0) * 2, []);
        Assert.Equal(0.0, check.WorstRelativeError);
        Assert.Equal(-1, check.WorstIndex);
        Assert.Equal("no inputs", check.ToString());
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1e-12, 0.0, 1e-12)]      // small gradients: absolute
    [InlineData(200.0, 198.0, 0.01)]     // large gradients: relative
    [InlineData(-2.0, 2.0, 2.0)]
    public void RelativeError_is_relative_for_large_and_absolute_for_small(double a, double n, double expected)
    {
        Assert.Equal(expected, GradientCheck.RelativeError(a, n), 12);
    }

    [Fact]
    public void NaN_gradient_is_the_worst()
    {
        var check = Gradients.Check(v => v[0] * 2 + v[1].Log(), [1.0, -1.0]);
        Assert.True(double.IsNaN(check.WorstRelativeError));
        Assert.Equal(1, check.WorstIndex);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_steps_are_rejected(double h)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gradients.Numerical(Math.Sin, 0, h));
        Assert.Equal("h", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gradients.Central(Math.Sin, 0, h));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gradients.Check(v => v[0], [1.0], h));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Gradients.Numerical(null!, 0));
        Assert.Throws<ArgumentNullException>(() => Gradients.Central(null!, 0));
        Assert.Throws<ArgumentNullException>(() => Gradients.Check(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => Gradients.Check(v => v[0], null!));
    }
}
