using Micrograd.Expressions;

namespace Micrograd.Cli.Expressions;

/// <summary>What <c>grad</c> and <c>graph</c> share: parse, check the variables, build, backward.</summary>
internal static class ExpressionCommandHelpers
{
    /// <summary>Parses <paramref name="text"/>, reads the name=value <paramref name="assignments"/>,
    /// checks that they match, builds the graph and runs Backward.</summary>
    /// <exception cref="CliException">For a syntax error (with the caret lines as details) or a mismatch
    /// between the variables used and the values given.</exception>
    public static ParsedExpression Build(string text, IEnumerable<string> assignments)
    {
        Expression expression;
        try
        {
            expression = Expression.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            throw new ExpressionError(e);
        }
        var given = Assignments.Parse(assignments);
        Assignments.Match(expression.Variables, given, text);

        var values = expression.Variables.ToDictionary(v => v, v => given[v]);
        var graph = expression.Build(values);
        if (graph.Root.Label is null) graph.Root.Label = "f";
        graph.Root.Backward();
        return new ParsedExpression(expression, values, graph.Leaves, graph.Root);
    }
}

/// <summary>A syntax error, printed as the error line and the expression with a caret under the place.</summary>
internal sealed class ExpressionError(ExpressionSyntaxException e) : CliException(e.Message, e)
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Details => e.CaretLines;
}
