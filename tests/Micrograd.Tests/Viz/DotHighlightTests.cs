using Micrograd.Viz;

namespace Micrograd.Tests.Viz;

/// <summary>Dot.Write's highlight: the one node it names is filled, and no other.</summary>
public class DotHighlightTests
{
    [Fact]
    public void Only_the_highlighted_record_is_filled()
    {
        var x = new Value(2.0, "x");
        var y = (x * 3).Tanh();
        y.Label = "y";
        var lines = Dot.Write(y, highlight: x).Split('\n');
        Assert.Single(lines, l => l.Contains("filled", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("{ x |", StringComparison.Ordinal) && l.Contains("fillcolor", StringComparison.Ordinal));
        Assert.DoesNotContain("filled", Dot.Write(y), StringComparison.Ordinal);
    }
}
