using Bunit;
using Micrograd.Expressions;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class StepThroughTests : PlaygroundTestContext
{
    private IRenderedComponent<StepThrough> RenderTanh(out ExpressionGraph graph)
    {
        var g = Expression.Parse("tanh(x*w + b)").Build(new Dictionary<string, double> { ["x"] = 0.5, ["w"] = -1.5, ["b"] = 0.25 });
        g.Root.Label = "f";
        int n = 0;
        foreach (var v in g.Root.TopologicalOrder()) if (!v.IsLeaf && v.Label is null) v.Label = $"n{++n}";
        g.Root.Backward();
        var library = g.Leaves.ToDictionary(kv => kv.Key, kv => kv.Value.Grad);
        graph = g;
        return Render<StepThrough>(p => p.Add(c => c.Graph, g).Add(c => c.LibraryGradients, library));
    }

    [Fact]
    public void Starts_at_the_end_and_steps_from_the_start_after_reset()
    {
        var view = RenderTanh(out var graph);
        int count = graph.Root.TopologicalOrder().Count;
        Assert.Equal(count.ToString(), view.Find("#step-position").TextContent);
        Assert.True(view.Find("#step-step").HasAttribute("disabled"));

        view.Find("#step-reset").Click();
        Assert.Equal("0", view.Find("#step-position").TextContent);
        Assert.Equal("f", view.Find("#step-current").TextContent);
        Assert.All(graph.Leaves.Values, v => Assert.Equal(0, v.Grad));
        Assert.True(view.Find("#step-back").HasAttribute("disabled"));

        view.Find("#step-step").Click();
        Assert.Equal("1", view.Find("#step-position").TextContent);
        Assert.Single(view.FindAll("#step-order li.current"));
        Assert.Contains("1 − tanh²", view.Find("#step-arithmetic").TextContent);

        view.Find("#step-back").Click();
        Assert.Equal("0", view.Find("#step-position").TextContent);
        view.Find("#step-run").Click();
        Assert.Equal(count.ToString(), view.Find("#step-position").TextContent);
        Assert.Empty(view.FindAll("#step-check tr.differs"));
    }

    [Fact]
    public void The_graph_highlights_the_current_node()
    {
        var view = RenderTanh(out _);
        view.Find("#step-reset").Click();
        Assert.Contains("{ f | data", FilledLine(DrawnDots.Last()));
        view.Find("#step-step").Click();
        view.Find("#step-step").Click();
        Assert.Contains("data -0.5000", FilledLine(DrawnDots.Last())); // the second visit: x*w + b = -0.5
    }

    private static string FilledLine(string dot) => Assert.Single(dot.Split('\n'), l => l.Contains("#ffd966", StringComparison.Ordinal));

    [Fact]
    public void Each_step_marks_the_nodes_that_receive_gradient()
    {
        var view = RenderTanh(out var graph);
        view.Find("#step-reset").Click();
        Assert.Equal("", view.Find("#step-receivers").GetAttribute("data-labels"));
        view.Find("#step-step").Click(); // at f = tanh(n): n receives
        var child = graph.Root.Children[0];
        Assert.Equal(child.Label, view.Find("#step-receivers").GetAttribute("data-labels"));
        var filled = DrawnDots.Last().Split('\n').Where(l => l.Contains("style=filled", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, filled.Length);
        Assert.Contains(filled, l => l.Contains("#b7e1a1", StringComparison.Ordinal) && l.Contains("{ " + child.Label + " | data", StringComparison.Ordinal));
        Assert.Single(view.FindAll("#step-order li.receiving"));
    }

    [Fact]
    public void A_constant_receiving_gradient_is_marked_in_the_graph_too()
    {
        var g = Expression.Parse("x*3").Build(new Dictionary<string, double> { ["x"] = 2 });
        g.Root.Label = "f";
        g.Root.Backward();
        var view = Render<StepThrough>(p => p.Add(c => c.Graph, g).Add(c => c.LibraryGradients, g.Leaves.ToDictionary(kv => kv.Key, kv => kv.Value.Grad)));
        view.Find("#step-reset").Click();
        view.Find("#step-step").Click(); // at f = x*3: x and the constant 3 receive
        Assert.Equal("x,3", view.Find("#step-receivers").GetAttribute("data-labels"));
        var marked = DrawnDots.Last().Split('\n').Where(l => l.Contains("#b7e1a1", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, marked.Length);
        Assert.Contains(marked, l => l.Contains("{ x | data 2.0000", StringComparison.Ordinal));
        Assert.Contains(marked, l => l.Contains("{  | data 3.0000", StringComparison.Ordinal)); // unlabelled, found by reference
    }
}
