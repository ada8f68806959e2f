namespace Micrograd.Playground.Tests.Logic;

public class PageAddressTests
{
    [Fact]
    public void Reads_the_view_the_expression_its_values_and_a_preset()
    {
        var a = PageAddress.Parse("http://localhost:5000/?view=expression&expr=(a*b%20%2B%20c)%20*%20f&a=2&b=-3&c=10&f=-2");
        Assert.Equal("expression", a.Tab);
        Assert.Equal("(a*b + c) * f", a.Expression);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 2, ["b"] = -3, ["c"] = 10, ["f"] = -2 }, a.Values);

        var stepper = PageAddress.Parse("http://localhost:5000/?view=stepper&preset=lecture-L");
        Assert.Equal(("stepper", "expression", "lecture-L"), (stepper.View, stepper.Tab, stepper.Preset));
        Assert.Equal("training", PageAddress.Parse("/?view=training&preset=spiral").Tab);
        Assert.Equal("loop", PageAddress.Parse("/?view=LOOP").Tab);
        Assert.Equal("names", PageAddress.Parse("/?view=names").Tab);
        Assert.Equal("expression", PageAddress.Parse("/?view=nonsense").Tab);
        Assert.Equal("expression", PageAddress.Parse("http://localhost:5000/").Tab);
        Assert.Equal("x y", PageAddress.Parse("/?expr=x+y").Expression); // '+' is a space in a query: write %2B
        Assert.Empty(PageAddress.Parse("/?x=abc&view=neuron").Values);
    }
}
