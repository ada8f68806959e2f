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
        view.Find("#example-a-plus-a").Click();
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
}
