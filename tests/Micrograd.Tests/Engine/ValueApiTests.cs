namespace Micrograd.Tests.Engine;

/// <summary>The Value surface a learner meets: op strings, children, ToString in micrograd's (Python's)
/// format, implicit conversion, reference identity, Sum (no fixture: micrograd's own conventions).</summary>
public class ValueApiTests
{
    [Fact]
    public void Op_strings_are_micrograds()
    {
        var a = new Value(2.0);
        var b = new Value(3.0);
        Assert.Equal("", a.Op);
        Assert.Equal("+", (a + b).Op);
        Assert.Equal("-", (a - b).Op);
        Assert.Equal("*", (a * b).Op);
        Assert.Equal("/", (a / b).Op);
        Assert.Equal("neg", (-a).Op);
        Assert.Equal("exp", a.Exp().Op);
        Assert.Equal("log", a.Log().Op);
        Assert.Equal("tanh", a.Tanh().Op);
        Assert.Equal("ReLU", a.Relu().Op);
        Assert.Equal("sigmoid", a.Sigmoid().Op);
    }

    [Theory]
    [InlineData(2.0, "**2")]
    [InlineData(3.0, "**3")]
    [InlineData(-1.0, "**-1")]
    [InlineData(0.0, "**0")]
    [InlineData(0.5, "**0.5")]
    [InlineData(-0.5, "**-0.5")]
    [InlineData(2.7, "**2.7")]
    public void Pow_op_string_shows_the_exponent_as_micrograd_does(double exponent, string expected)
    {
        // micrograd: Value(self.data**other, (self,), f'**{other}'), so x**2 reads "**2".
        Assert.Equal(expected, new Value(1.5).Pow(exponent).Op);
    }

    [Fact]
    public void Children_are_the_operands_in_order_and_pow_reports_only_its_base()
    {
        var a = new Value(2.0, "a");
        var b = new Value(3.0, "b");
        Assert.Empty(a.Children);
        Assert.True(a.IsLeaf);
        var sub = a - b;
        Assert.False(sub.IsLeaf);
        Assert.Equal(2, sub.Children.Count);
        Assert.Same(a, sub.Children[0]);
        Assert.Same(b, sub.Children[1]);
        var rev = b / a;
        Assert.Same(b, rev.Children[0]);
        Assert.Same(a, rev.Children[1]);
        var pow = a.Pow(3);
        Assert.Single(pow.Children);
        Assert.Same(a, pow.Children[0]);
        foreach (var unary in new[] { -a, a.Exp(), a.Log(), a.Tanh(), a.Relu(), a.Sigmoid() })
        {
            Assert.Single(unary.Children);
            Assert.Same(a, unary.Children[0]);
        }
        var square = a * a;
        Assert.Equal(2, square.Children.Count);
        Assert.Same(square.Children[0], square.Children[1]);
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(-4.0, "-4.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(24.70408163265306, "24.70408163265306")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(-2.5e-300, "-2.5e-300")]
    [InlineData(1e300, "1e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void ToString_prints_numbers_as_python_repr_does(double x, string python)
    {
        // Python: repr(float) is the shortest round trip, in fixed notation for exponents -4 <= e < 16 and
        // in scientific notation ("1e-05", "1e+16") outside.
        Assert.Equal($"Value(data={python}, grad=0.0)", new Value(x).ToString());
    }

    [Fact]
    public void ToString_shows_data_and_grad_after_backward()
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a * b;
        c.Backward();
        Assert.Equal("Value(data=-8.0, grad=1.0)", c.ToString());
        Assert.Equal("Value(data=-4.0, grad=2.0)", a.ToString());
        Assert.Equal("Value(data=2.0, grad=-4.0)", b.ToString());
    }

    [Fact]
    public void Implicit_conversion_makes_leaves_on_either_side()
    {
        Value v = 2.5;
        Assert.True(v.IsLeaf);
        Assert.Equal(2.5, v.Data);
        Assert.Null(v.Label);
        var x = new Value(3.0);
        var left = 1 - x;
        var right = x * 2;
        Assert.Equal(-2.0, left.Data);
        Assert.Equal(6.0, right.Data);
        Assert.Equal(1.0, left.Children[0].Data);
        Assert.True(left.Children[0].IsLeaf);
        Assert.Equal(2.0, right.Children[1].Data);
        left.Backward();
        Assert.Equal(-1.0, x.Grad);
    }

    [Fact]
    public void Values_have_reference_identity()
    {
        var a = new Value(1.0);
        var b = new Value(1.0);
        Assert.NotSame(a, b);
        Assert.False(a.Equals(b));
        Assert.True(a.Equals(a));
        var set = new HashSet<Value> { a, b };
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Labels_and_data_are_settable()
    {
        var a = new Value(1.0, "a");
        Assert.Equal("a", a.Label);
        a.Label = "weight";
        a.Data = 7;
        a.Grad = 3;
        Assert.Equal("weight", a.Label);
        Assert.Equal(7, a.Data);
        Assert.Equal(3, a.Grad);
    }

    [Fact]
    public void Sum_chains_additions_left_to_right_and_rejects_nothing_to_sum()
    {
        var xs = new[] { new Value(1.0), new Value(2.0), new Value(3.0) };
        var s = Value.Sum(xs);
        Assert.Equal(6.0, s.Data);
        Assert.Equal("+", s.Op);
        Assert.Same(xs[2], s.Children[1]);
        Assert.Equal("+", s.Children[0].Op);
        Assert.Same(xs[0], Value.Sum([xs[0]]));
        var e = Assert.Throws<ArgumentException>(() => Value.Sum([]));
        Assert.Contains("at least one value to sum, got none", e.Message);
        Assert.Throws<ArgumentNullException>(() => Value.Sum(null!));
    }

    [Fact]
    public void Every_op_forward_value_is_the_math_library_value()
    {
        var x = new Value(0.7);
        Assert.Equal(Math.Exp(0.7), x.Exp().Data);
        Assert.Equal(Math.Log(0.7), x.Log().Data);
        Assert.Equal(Math.Tanh(0.7), x.Tanh().Data);
        Assert.Equal(1 / (1 + Math.Exp(-0.7)), x.Sigmoid().Data);
        Assert.Equal(Math.Pow(0.7, 1.5), x.Pow(1.5).Data);
        Assert.Equal(0.0, (-x).Relu().Data);
        Assert.Equal(0.7, x.Relu().Data);
    }
}
