using static Micrograd.Examples.Tests.Printed;

namespace Micrograd.Examples.Tests;

/// <summary>The numbers chapters 1 to 6 talk about (one number, one Value at a time), as their examples print
/// them.</summary>
public class ScalarChapterTests
{
    [Fact]
    public async Task Derivative_slope_at_3_is_about_14_until_h_is_too_small()
    {
        var run = await ExampleRunner.RunOk("01-derivative");
        Assert.Equal(14.003, Number(run, @"\(f\(x \+ h\) - f\(x\)\) / h = (?<n>\S+)"), 6);
        Assert.Equal(14.0, Number(run, @"^\s+1e-06\s+(?<n>\S+)"), 5);
        Assert.Equal(0.0, Number(run, @"^\s+1e-16\s+(?<n>\S+)"));
        Assert.Equal(-3.0, Number(run, @"dd/da = (?<n>\S+)"), 4);
        Assert.Equal(2.0, Number(run, @"dd/db = (?<n>\S+)"), 4);
    }

    [Fact]
    public async Task Expression_graph_is_printed_and_written_as_dot()
    {
        var run = await ExampleRunner.RunOk("02-expression-graph");
        Assert.Contains("L = Value(data=-8.0, grad=0.0)", run.Lines);
        Assert.Contains("L = -8.0   (made by *)", run.Lines);
        string dot = File.ReadAllText(Path.Combine(Repo.Root, "out", "02-expression-graph.dot"));
        Assert.StartsWith("digraph G {", dot);
        Assert.Contains("{ L | data -8.0000 | grad 0.0000 }", dot);
        if (run.Output.Contains("Rendered out/02-expression-graph.svg", StringComparison.Ordinal))
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(Repo.Root, "out", "02-expression-graph.svg")));
        else
            Assert.Contains("Install Graphviz", run.Output);
    }

    [Fact]
    public async Task Manual_backprop_matches_the_numerical_estimate_and_Backward()
    {
        var run = await ExampleRunner.RunOk("03-manual-backprop");
        var expected = new Dictionary<string, double> { ["L"] = 1, ["d"] = -2, ["f"] = 4, ["e"] = -2, ["c"] = -2, ["a"] = 6, ["b"] = -4 };
        foreach (var (node, grad) in expected)
        {
            var m = Match(run, $@"^{node}\s+(?<hand>\S+)\s+(?<num>\S+)$");
            Assert.Equal(grad, Parse(m.Groups["hand"].Value), 4);
            Assert.Equal(grad, Parse(m.Groups["num"].Value), 3);
            Assert.Equal(grad, Number(run, $@"^\s+{node} = Value\(data=\S+, grad=(?<n>\S+)\)"), 12);
        }
        Assert.Equal(-7.286496, Number(run, @"\): L = (?<n>\S+) \(was"), 6);
    }

    [Fact]
    public async Task Neuron_gives_the_lectures_gradients_three_ways()
    {
        var run = await ExampleRunner.RunOk("04-neuron");
        Assert.Equal(0.7071, Number(run, @"o = tanh\(n\) = (?<n>\S+)"), 4);
        var x1 = Numbers(run, @"x1\.Grad = +(?<n>\S+)");
        var w1 = Numbers(run, @"w1\.Grad = +(?<n>\S+)");
        var x2 = Numbers(run, @"x2\.Grad = +(?<n>\S+)");
        var w2 = Numbers(run, @"w2\.Grad = +(?<n>\S+)");
        Assert.Equal([-1.5, -1.5, -1.5], x1);
        Assert.Equal([1.0, 1.0, 1.0], w1);
        Assert.Equal([0.5, 0.5, 0.5], x2);
        Assert.Equal([0.0, 0.0, 0.0], w2);
    }

    [Fact]
    public async Task Gradients_accumulate_when_a_node_is_used_twice()
    {
        var run = await ExampleRunner.RunOk("05-automatic-backward");
        Assert.Contains("   x1, w1, x1*w1, x2, w2, x2*w2, x1*w1 + x2*w2, b, n, o", run.Lines);
        Assert.Equal([-1.5, -1.5], Numbers(run, @"x1\.Grad = (?<n>[^,]+),"));
        Assert.Equal(1.0, Number(run, @"with operand\.Grad  = \.\.\.: a\.Grad = (?<n>\S+) "));
        Assert.Equal(2.0, Number(run, @"with operand\.Grad \+= \.\.\.: a\.Grad = (?<n>\S+)$"));
        Assert.Equal(2.0, Number(run, @"with b\.Backward\(\): +a\.Grad = (?<n>\S+)$"));
        Assert.Equal(3.0, Number(run, @"with operand\.Grad  = \.\.\.: a\.Grad = (?<n>\S+), b\.Grad"));
        Assert.Equal(-3.0, Number(run, @"with f\.Backward\(\): +a\.Grad = (?<n>\S+),"));
        Assert.Equal(-8.0, Number(run, @"with f\.Backward\(\): +a\.Grad = \S+, b\.Grad = (?<n>\S+)$"));
        Assert.Equal(1.0, Number(run, @"1,000,000 additions: chain\.Data = \S+, x\.Grad = (?<n>\S+)$"));
    }

    [Fact]
    public async Task Recursion_goes_wrong_where_the_topological_order_does_not_and_only_parameters_keep_gradients()
    {
        var run = await ExampleRunner.RunOk("05-automatic-backward");
        Assert.Equal(8.0, Number(run, @"recursing into every child: +a\.Grad = (?<n>\S+) "));
        var once = Numbers(run, @"recursing, each node once: +a\.Grad = (?<n>\S+)");
        var topological = Numbers(run, @"in reverse topological order: +a\.Grad = (?<n>\S+)$");
        Assert.Equal([4.0, 2.0], once);          // right on c = b + b, wrong on d = b + c
        Assert.Equal([4.0, 6.0], topological);   // the true dc/da and dd/da
        Quoted("05-automatic-backward", "a gets 4 and 4, twice the truth");
        Quoted("05-automatic-backward", "a ends with 2 instead of 6");

        var passes = run.Lines.Select(l => System.Text.RegularExpressions.Regex.Match(l,
            @"^   pass (?<k>\d): w1\.Grad = (?<w>\S+), b\.Grad = (?<b>\S+)   this pass's n\.Grad = (?<n>\S+), x1\.Grad = (?<x>\S+)$"))
            .Where(m => m.Success).ToList();
        Assert.Equal(2, passes.Count);
        Assert.Equal(2 * Parse(passes[0].Groups["w"].Value), Parse(passes[1].Groups["w"].Value)); // the parameters pile up
        Assert.Equal(2 * Parse(passes[0].Groups["b"].Value), Parse(passes[1].Groups["b"].Value));
        Assert.Equal(passes[0].Groups["n"].Value, passes[1].Groups["n"].Value);                 // the new graph starts at 0
        Assert.Equal(passes[0].Groups["x"].Value, passes[1].Groups["x"].Value);
        Quoted("05-automatic-backward", $"{Parse(passes[1].Groups["w"].Value):0.#} and {Parse(passes[1].Groups["b"].Value):0.#} instead of {Parse(passes[0].Groups["w"].Value):0.#} and {Parse(passes[0].Groups["b"].Value):0.#}");
    }

    [Fact]
    public async Task Tanh_from_smaller_ops_gives_the_same_gradients()
    {
        var run = await ExampleRunner.RunOk("06-tanh-decomposed");
        var rows = run.Lines.Where(l => l.StartsWith("   o = ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0], r));
        Assert.Contains("x1.Grad = -1.5000   w1.Grad = 1.0000   x2.Grad = 0.5000   w2.Grad = 0.0000", rows[0]);
        Assert.Contains("   worst relative error below 1e-6: True", run.Lines);
    }
}
