using System.Globalization;
using Bunit;
using Micrograd.Expressions;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class ExpressionViewTests : PlaygroundTestContext
{
    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Shows_the_value_and_gradients_the_library_computes()
    {
        var view = Render<ExpressionView>();
        view.Find("#expr-input").Input("x*y + exp(x)");
        view.Find("#value-x").Change("1");
        view.Find("#value-y").Change("-2");

        var graph = Expression.Parse("x*y + exp(x)").Build(new Dictionary<string, double> { ["x"] = 1, ["y"] = -2 });
        graph.Root.Backward();
        Assert.Equal(R(graph.Root.Data), view.Find("#expr-value").GetAttribute("data-value"));
        Assert.Equal(R(graph.Leaves["x"].Grad), view.Find("#grad-x").GetAttribute("data-value"));
        Assert.Equal(R(graph.Leaves["y"].Grad), view.Find("#grad-y").GetAttribute("data-value"));
        Assert.Contains("label=\"exp\"", DrawnDots.Last());
    }

    [Fact]
    public void A_slider_moves_the_variable()
    {
        var view = Render<ExpressionView>(); // tanh(x*w + b) at x = 0.5, w = -1.5, b = 0.25
        view.Find("#slider-w").Input("2");
        Assert.Equal("2", view.Find("#value-w").GetAttribute("value"));
        Assert.Equal(R(Math.Tanh(0.5 * 2 + 0.25)), view.Find("#expr-value").GetAttribute("data-value"));
    }

    [Fact]
    public void A_rejected_expression_shows_the_commands_message_with_the_caret()
    {
        var err = new StringWriter();
        Micrograd.Cli.Cli.Run(["grad", "x + * y"], new StringWriter(), err);

        var view = Render<ExpressionView>();
        view.Find("#expr-input").Input("x + * y");
        Assert.Equal(err.ToString().TrimEnd().Replace(Environment.NewLine, "\n"), view.Find("#expr-error").TextContent);
        Assert.Empty(view.FindAll("#expr-value"));

        view.Find("#expr-input").Input("x + y"); // fixed: the error goes; x keeps 0.5, the new y starts at 1
        Assert.Empty(view.FindAll("#expr-error"));
        Assert.Equal("1.5", view.Find("#expr-value").GetAttribute("data-value"));
    }

    [Fact]
    public void The_chapter_5_example_with_the_bug_on_differs_from_backward()
    {
        var view = Render<ExpressionView>();
        view.Find("#preset-a-plus-a").Click();
        Assert.Equal("2", view.Find("#grad-a").GetAttribute("data-value"));
        Assert.Empty(view.FindAll("#step-check tr.differs"));

        view.Find("#step-bug").Change(true);
        var row = view.Find("#step-check tr.differs");
        Assert.Equal(["1", "2"], row.QuerySelectorAll("td").Select(td => td.TextContent));

        // From the start: f = a + a passes its gradient to a twice, and the second write replaces the first.
        view.Find("#step-reset").Click();
        view.Find("#step-step").Click();
        Assert.Equal("a.grad = (local df/da = 1) × f.grad (1) = 1\na.grad = (local df/da = 1) × f.grad (1) = 1",
            view.Find("#step-arithmetic").TextContent);
    }

    [Fact]
    public void The_lectures_L_preset_names_its_nodes_as_the_lecture_does()
    {
        var view = Render<ExpressionView>(p => p.Add(c => c.Preset, "lecture-L"));
        Assert.Equal("(a*b + c) * f", view.Find("#expr-input").GetAttribute("value"));
        Assert.Equal("-8", view.Find("#expr-value").GetAttribute("data-value")); // L = (2·-3 + 10)·-2
        Assert.Equal("4", view.Find("#grad-f").GetAttribute("data-value"));      // dL/df = d = 4
        Assert.Equal("-4", view.Find("#grad-b").GetAttribute("data-value"));     // dL/db = a·f = -4
        var dot = DrawnDots.Last();
        foreach (var label in new[] { "{ e | data -6.0000", "{ d | data 4.0000", "{ L | data -8.0000", "{ a | data 2.0000" })
            Assert.Contains(label, dot);
        Assert.Contains("dL/da", view.Find("#nudge-table").TextContent);
    }

    [Fact]
    public void The_nudge_check_compares_the_change_in_L_with_gradient_times_h()
    {
        var view = Render<ExpressionView>(p => p.Add(c => c.Preset, "lecture-L"));
        view.Find("#nudge-h").Change("0.001");
        double Value(string id) => double.Parse(view.Find(id).GetAttribute("data-value")!, CultureInfo.InvariantCulture);
        // L is linear in a: L(a + h) − L(a) = b·f·h = 0.006, the gradient 6 times h.
        Assert.Equal(0.006, Value("#nudge-a"), 12);
        Assert.Equal(6 * 0.001, Value("#nudge-predicted-a"), 15);
        var exact = Expression.Parse("(a*b + c) * f");
        var at = new Dictionary<string, double> { ["a"] = 2, ["b"] = -3, ["c"] = 10, ["f"] = -2 };
        double before = exact.Evaluate(at);
        at["f"] += 0.001;
        Assert.Equal(R(exact.Evaluate(at) - before), view.Find("#nudge-f").GetAttribute("data-value"));

        // Curved: tanh's change differs from grad·h by about h², less for smaller h.
        view.Find("#preset-neuron").Click();
        view.Find("#nudge-h").Change("0.1");
        double far = Math.Abs(Value("#nudge-x") - Value("#nudge-predicted-x"));
        view.Find("#nudge-h").Change("0.001");
        double near = Math.Abs(Value("#nudge-x") - Value("#nudge-predicted-x"));
        Assert.True(near < far / 1000, $"{near} vs {far}");
    }

    [Fact]
    public void A_variable_called_f_makes_the_output_L_and_an_address_can_start_the_stepper_at_its_first_step()
    {
        var view = Render<ExpressionView>(p => p
            .Add(c => c.InitialText, "x*f")
            .Add(c => c.InitialValues, new Dictionary<string, double> { ["x"] = 3, ["f"] = 2 })
            .Add(c => c.StartAtStart, true));
        Assert.Equal("6", view.Find("#expr-value").GetAttribute("data-value"));
        Assert.Equal("0", view.Find("#step-position").TextContent);
        Assert.Equal("L", view.Find("#step-current").TextContent);
    }
}
