using Micrograd.Playground.Stepping;

namespace Micrograd.Playground.Tests.Logic;

public class ExpressionStateTests
{
    [Theory]
    [InlineData("x + * y")]
    [InlineData("tanh(x")]
    [InlineData("2 x")]
    [InlineData("")]
    [InlineData("foo(x)")]
    public void A_rejected_expression_shows_the_commands_error_lines(string text)
    {
        var err = new StringWriter();
        Assert.NotEqual(0, Micrograd.Cli.Cli.Run(["grad", text], new StringWriter(), err));
        var state = new ExpressionState(text);
        Assert.Null(state.Graph);
        Assert.Equal(err.ToString().TrimEnd().Split(Environment.NewLine), state.Error);
    }

    [Fact]
    public void Variables_keep_their_values_when_the_text_changes_and_new_ones_start_at_1()
    {
        var state = new ExpressionState("x*y", new Dictionary<string, double> { ["x"] = 3 });
        Assert.Equal(["x", "y"], state.Variables);
        Assert.Equal(3, state.Graph!.Root.Data);
        state.SetText("x*y*z");
        Assert.Equal(3, state.Graph!.Root.Data);
        state.SetValue("z", -2);
        Assert.Equal(-6, state.Graph.Root.Data);
        Assert.Equal(new Dictionary<string, double> { ["x"] = -2, ["y"] = -6, ["z"] = 3 }, state.Gradients);
    }

    [Fact]
    public void Computed_nodes_are_labelled_in_topological_order_and_the_output_f()
    {
        var state = new ExpressionState("exp(a) * a + 1");
        var labels = state.Graph!.Root.TopologicalOrder().Select(v => v.Label ?? "(none)").ToArray();
        Assert.Equal(["a", "n1", "n2", "(none)", "f"], labels); // the constant 1 keeps no label
    }
}
