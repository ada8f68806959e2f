using System.Globalization;
using Micrograd.Expressions;
using OpenQA.Selenium;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>The expression view and the step-through in the published app, against the library's numbers.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class ExpressionInBrowserTests(PublishedApp app)
{
    private static readonly Dictionary<string, double> At = new() { ["x"] = 0.5, ["w"] = -1.5, ["b"] = 0.25 };

    private static ExpressionGraph LibraryGraph()
    {
        var graph = Expression.Parse("tanh(x*w+b)").Build(At);
        graph.Root.Backward();
        return graph;
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void EnterTanhNeuron(PlaygroundPage page)
    {
        page.Type("expr-input", "tanh(x*w+b)");
        page.Until(d => d.FindElement(By.Id("expr-input")).GetAttribute("value") == "tanh(x*w+b)", "the expression typed");
        foreach (var (name, value) in At) page.Type("value-" + name, R(value));
    }

    [Fact]
    public void Typed_expression_shows_the_librarys_value_and_gradients()
    {
        using var page = new PlaygroundPage(app);
        EnterTanhNeuron(page);
        var library = LibraryGraph();

        page.Until(d => d.FindElement(By.Id("expr-value")).GetAttribute("data-value") == R(library.Root.Data), "the value");
        foreach (var (name, leaf) in library.Leaves)
            Assert.Equal(R(leaf.Grad), page.Find("grad-" + name).GetAttribute("data-value"));
        Assert.Contains("tanh", page.DrawnGraph("expr-graph").Text);
        page.Screenshot("expression");
    }

    [Fact]
    public void Step_through_visits_every_node_in_the_librarys_reverse_topological_order()
    {
        using var page = new PlaygroundPage(app);
        EnterTanhNeuron(page);
        var library = LibraryGraph();
        page.Until(d => d.FindElement(By.Id("expr-value")).GetAttribute("data-value") == R(library.Root.Data), "the value");

        // The order the page lists: leaves by name, computed nodes by op, as the library orders them.
        var expected = library.Root.TopologicalOrder().Reverse().Select(v => v.IsLeaf ? v.Label : v.Op).ToArray();
        var items = page.Find("step-order").FindElements(By.TagName("li"));
        Assert.Equal(expected, items.Select(li => li.GetAttribute("data-op") is { Length: > 0 } op ? op : li.GetAttribute("data-label")).ToArray());

        page.Find("step-reset").Click();
        page.Until(d => d.FindElement(By.Id("step-position")).Text == "0", "the walk to reset");
        for (int i = 1; i <= expected.Length; i++)
        {
            page.Find("step-step").Click();
            page.Until(d => d.FindElement(By.Id("step-position")).Text == i.ToString(CultureInfo.InvariantCulture), $"step {i}");
            var current = page.Find("step-order").FindElements(By.CssSelector("li.current"));
            Assert.Equal(items[i - 1].GetAttribute("data-label"), Assert.Single(current).GetAttribute("data-label"));
            Assert.Equal(items[i - 1].GetAttribute("data-label"), page.Find("step-current").Text);
            if (i == 2) page.Screenshot("backward");
        }
        Assert.False(page.Find("step-step").Enabled);

        // At the end the walk's gradients are the library's Backward's.
        var rows = page.Find("step-check").FindElements(By.TagName("tr")).Skip(1).ToArray();
        Assert.Equal(library.Leaves.Count, rows.Length);
        Assert.All(rows, r => Assert.DoesNotContain("differs", r.GetAttribute("class") ?? ""));
    }

    [Fact]
    public void A_link_opens_the_stepper_on_the_lectures_L_at_its_first_step()
    {
        using var page = new PlaygroundPage(app, "?view=stepper&preset=lecture-L", "step-position");
        Assert.Equal("-8", page.Find("expr-value").GetAttribute("data-value"));
        Assert.Equal("0", page.Find("step-position").Text);
        Assert.Equal("L", page.Find("step-current").Text);
        page.Find("step-step").Click();
        page.Until(d => d.FindElement(By.Id("step-receivers")).GetAttribute("data-labels") == "d,f", "d and f to receive L's gradient");
        Assert.Contains("d.grad += (local dL/dd = f = -2) × L.grad (1) = -2", page.Find("step-arithmetic").Text);
        page.DrawnGraph("expr-graph", times: 2);
        // In the drawing too: L, the current node, in yellow; d and f, receiving its gradient, in green.
        Assert.StartsWith("L | data -8.0000", Assert.Single(FilledRecords(page, "#ffd966")), StringComparison.Ordinal);
        Assert.Equal(["d | data 4.0000", "f | data -2.0000"], FilledRecords(page, "#b7e1a1").Select(r => string.Join(" | ", r.Split(" | ").Take(2))).Order());
        page.Screenshot("stepper");
    }

    [Fact]
    public void A_constant_receiving_gradient_is_green_in_the_drawing()
    {
        using var page = new PlaygroundPage(app, $"?view=stepper&expr={Uri.EscapeDataString("x*3 + x")}&x=2", "step-position");
        page.Find("step-step").Click(); // at f = n1 + x
        page.Until(d => d.FindElement(By.Id("step-receivers")).GetAttribute("data-labels") == "n1,x", "n1 and x to receive f's gradient");
        page.Find("step-step").Click(); // at n1 = x*3
        page.Until(d => d.FindElement(By.Id("step-receivers")).GetAttribute("data-labels") == "x,3", "x and the constant 3 to receive n1's gradient");
        page.DrawnGraph("expr-graph", times: 3);
        Assert.StartsWith("n1 | data 6.0000", Assert.Single(FilledRecords(page, "#ffd966")), StringComparison.Ordinal);
        var green = FilledRecords(page, "#b7e1a1");
        Assert.Equal(2, green.Length);
        Assert.Contains(green, r => r.StartsWith("x | data 2.0000", StringComparison.Ordinal));
        Assert.Contains(green, r => r.Contains("data 3.0000", StringComparison.Ordinal)); // the constant, which has no label
    }

    // The text of each record that Graphviz drew filled with `color`, its fields joined by " | ".
    private static string[] FilledRecords(PlaygroundPage page, string color) =>
        [.. ((IEnumerable<object>)page.Browser.Driver.ExecuteScript(
            "return [...document.querySelectorAll('#expr-graph g.node')].filter(g => g.querySelector(`polygon[fill=\"${arguments[0]}\"]`))" +
            ".map(g => [...g.querySelectorAll('text')].map(t => t.textContent.trim()).join(' | '))", color)!).Select(o => (string)o)];

    [Fact]
    public void A_link_with_an_expression_and_values_shows_its_nudge_check()
    {
        string expr = Uri.EscapeDataString("(a*b + c) * f");
        using var page = new PlaygroundPage(app, $"?view=expression&expr={expr}&a=2&b=-3&c=10&f=-2", "nudge-table");
        Assert.Equal("(a*b + c) * f", page.Find("expr-input").GetAttribute("value"));
        Assert.Equal("-8", page.Find("expr-value").GetAttribute("data-value"));
        var e = Expression.Parse("(a*b + c) * f");
        var at = new Dictionary<string, double> { ["a"] = 2, ["b"] = -3, ["c"] = 10, ["f"] = -2 };
        double before = e.Evaluate(at);
        at["a"] += 0.001;
        Assert.Equal(R(e.Evaluate(at) - before), page.Find("nudge-a").GetAttribute("data-value")); // ΔL, by the library
        Assert.Equal(R(6 * 0.001), page.Find("nudge-predicted-a").GetAttribute("data-value"));    // dL/da · h = b·f·h
    }
}
