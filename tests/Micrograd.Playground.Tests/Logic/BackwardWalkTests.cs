using Micrograd.Expressions;
using Micrograd.Playground.Stepping;

namespace Micrograd.Playground.Tests.Logic;

public class BackwardWalkTests
{
    private static ExpressionGraph Graph(string text, Dictionary<string, double> at)
    {
        var graph = Expression.Parse(text).Build(at);
        graph.Root.Backward();
        return graph;
    }

    [Fact]
    public void A_full_walk_gives_the_librarys_gradients_and_visits_in_reverse_topological_order()
    {
        var graph = Graph("tanh(x*w + b) * x - exp(b)/w", new() { ["x"] = 0.5, ["w"] = -1.5, ["b"] = 0.25 });
        var library = graph.Leaves.ToDictionary(kv => kv.Key, kv => kv.Value.Grad);

        var walk = new BackwardWalk(graph.Root);
        Assert.Equal(graph.Root.TopologicalOrder().Reverse(), walk.Visits);
        Assert.All(graph.Leaves.Values, v => Assert.Equal(0, v.Grad)); // reset: only the output has a gradient
        Assert.Equal(1, graph.Root.Grad);
        walk.Run();
        foreach (var (name, leaf) in graph.Leaves) Assert.Equal(library[name], leaf.Grad, 15);
    }

    [Fact]
    public void Back_returns_to_the_gradients_of_the_step_before()
    {
        var graph = Graph("(a*b)*(a+b)", new() { ["a"] = -2, ["b"] = 3 });
        var walk = new BackwardWalk(graph.Root);
        var snapshots = new List<double[]>();
        for (int i = 0; i <= walk.Visits.Count; i++)
        {
            snapshots.Add(walk.Visits.Select(v => v.Grad).ToArray());
            walk.Step();
        }
        Assert.True(walk.AtEnd);
        for (int i = walk.Visits.Count - 1; i >= 0; i--)
        {
            walk.Back();
            Assert.Equal(i, walk.Position);
            Assert.Equal(snapshots[i], walk.Visits.Select(v => v.Grad).ToArray());
        }
        walk.Back(); // at the start, Back stays there
        Assert.Equal(0, walk.Position);
        Assert.Same(graph.Root, walk.Current);
    }

    [Fact]
    public void Chapter_5s_bug_loses_a_contribution_where_a_node_is_used_twice()
    {
        // The tutorial's cases: b = a + a at a = 3 gives 1 instead of 2; f = (a*b)*(a+b) at a = -2, b = 3
        // keeps one path's contribution instead of the sum -3 and -8. Which path survives depends on the
        // order: the library's visits d = a*b before e = a+b, so e's path (d·1 = -6 for both) is written last.
        var twice = Graph("a + a", new() { ["a"] = 3 });
        var buggy = new BackwardWalk(twice.Root, setInsteadOfAdd: true);
        buggy.Run();
        Assert.Equal(1, twice.Leaves["a"].Grad);
        new BackwardWalk(twice.Root).Run();
        Assert.Equal(2, twice.Leaves["a"].Grad);

        var lecture = Graph("(a*b)*(a+b)", new() { ["a"] = -2, ["b"] = 3 });
        new BackwardWalk(lecture.Root, setInsteadOfAdd: true).Run();
        Assert.Equal((-6.0, -6.0), (lecture.Leaves["a"].Grad, lecture.Leaves["b"].Grad));
        new BackwardWalk(lecture.Root).Run();
        Assert.Equal((-3.0, -8.0), (lecture.Leaves["a"].Grad, lecture.Leaves["b"].Grad));
    }
}
