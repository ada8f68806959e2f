using Micrograd.Expressions;

namespace Micrograd.Tests.Expressions;

/// <summary>The public face of the expression parser, as the command and the playground use it (no fixture).</summary>
public class ExpressionApiTests
{
    [Fact]
    public void Build_labels_one_leaf_per_variable_and_backward_fills_their_gradients()
    {
        var expression = Expression.Parse("x*y + exp(x)");
        var graph = expression.Build(new Dictionary<string, double> { ["x"] = 1, ["y"] = -2, ["unused"] = 5 });
        graph.Root.Backward();

        Assert.Equal(["x", "y"], graph.Leaves.Keys);
        Assert.Equal("x", graph.Leaves["x"].Label);
        Assert.Equal("y", graph.Leaves["y"].Label);
        Assert.Equal(-2 + Math.E, graph.Root.Data, 15);
        Assert.Equal(-2 + Math.E, graph.Leaves["x"].Grad, 15);
        Assert.Equal(1, graph.Leaves["y"].Grad);
        Assert.Equal(-2 + Math.E, expression.Evaluate(new Dictionary<string, double> { ["x"] = 1, ["y"] = -2 }), 15);
    }

    [Fact]
    public void Evaluate_takes_values_in_the_order_of_the_variables()
    {
        var expression = Expression.Parse("y - x / y");
        Assert.Equal(["y", "x"], expression.Variables);
        Assert.Equal(4 - 2.0 / 4, expression.Evaluate([4.0, 2.0]));
        Assert.Contains("x, y; got 1", Assert.Throws<ArgumentException>(() => Expression.Parse("x*y").Evaluate([1.0])).Message);
    }

    [Fact]
    public void A_missing_value_names_the_variable()
    {
        var e = Assert.Throws<ArgumentException>(() => Expression.Parse("x*y").Build(new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Contains("'y'", e.Message);
    }

    [Fact]
    public void Syntax_error_carries_the_expression_the_position_and_the_caret_lines()
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("x + * y"));
        Assert.Equal("x + * y", e.Expression);
        Assert.Equal(4, e.Position);
        Assert.Equal("expected a number, a variable, a function call or '(' at column 5, got '*'", e.Message);
        Assert.Equal(["  x + * y", "      ^"], e.CaretLines);
    }

    [Fact]
    public void The_functions_are_listed() =>
        Assert.Equal(["exp", "log", "tanh", "relu", "sigmoid"], Expression.Functions);

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData(" -0.5 ", -0.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e-3", 0.001)]
    public void Numbers_are_read_in_the_invariant_culture(string text, double expected)
    {
        Assert.True(NumberLiteral.TryParse(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("1e999")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Non_numbers_and_non_finite_numbers_are_refused(string text) =>
        Assert.False(NumberLiteral.TryParse(text, out _));
}
