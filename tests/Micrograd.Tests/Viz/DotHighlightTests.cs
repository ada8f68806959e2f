using Micrograd.Viz;

namespace Micrograd.Tests.Viz;

/// <summary>Dot.Write's highlight and marks: the one node it highlights and the nodes it marks are filled, each in
/// its colour, and no other.</summary>
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

    [Fact]
    public void Marked_nodes_are_filled_in_the_second_colour_even_unlabelled_ones()
    {
        var x = new Value(2.0, "x");
        var three = new Value(3.0); // a constant: no label
        var product = x * three;
        var y = product.Tanh();
        y.Label = "y";
        var lines = Dot.Write(y, highlight: product, marked: [x, three]).Split('\n');
        var filled = lines.Where(l => l.Contains("filled", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, filled.Length);
        Assert.Single(filled, l => l.Contains($"fillcolor=\"{Dot.HighlightColor}\"", StringComparison.Ordinal) && l.Contains("{  | data 6.0000", StringComparison.Ordinal));
        Assert.Single(filled, l => l.Contains($"fillcolor=\"{Dot.MarkColor}\"", StringComparison.Ordinal) && l.Contains("{ x |", StringComparison.Ordinal));
        Assert.Single(filled, l => l.Contains($"fillcolor=\"{Dot.MarkColor}\"", StringComparison.Ordinal) && l.Contains("{  | data 3.0000", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("data 0.9", StringComparison.Ordinal) && l.Contains("filled", StringComparison.Ordinal)); // y, tanh(6)
    }

    [Fact]
    public void The_highlight_wins_over_a_mark_on_the_same_node()
    {
        var x = new Value(2.0, "x");
        var y = x * x;
        var line = Dot.Write(y, highlight: x, marked: [x]).Split('\n').Single(l => l.Contains("{ x |", StringComparison.Ordinal));
        Assert.Contains(Dot.HighlightColor, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Dot.MarkColor, line, StringComparison.Ordinal);
    }
}
