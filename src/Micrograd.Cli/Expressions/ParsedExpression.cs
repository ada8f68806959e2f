namespace Micrograd.Cli.Expressions;

/// <summary>An expression with its variables' values, built into a graph of Values and differentiated.</summary>
/// <param name="Text">The expression as given.</param>
/// <param name="Tree">The parsed expression.</param>
/// <param name="Values">Each variable's value, in the order the expression first uses them.</param>
/// <param name="Leaves">Each variable's leaf, holding its gradient after the backward pass.</param>
/// <param name="Root">The expression's value, after Backward.</param>
internal sealed record ParsedExpression(string Text, Expr Tree, IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, Value> Leaves, Value Root);

/// <summary>What <c>grad</c> and <c>graph</c> share: parse, check the variables, build, backward.</summary>
internal static class ExpressionCommandHelpers
{
    /// <summary>Parses <paramref name="expression"/>, reads the name=value <paramref name="assignments"/>,
    /// checks that they match, builds the graph and runs Backward.</summary>
    public static ParsedExpression Build(string expression, IEnumerable<string> assignments)
    {
        var tree = Parser.Parse(expression);
        var given = Assignments.Parse(assignments);
        var used = ExpressionGraph.Variables(tree);
        Assignments.Match(used, given, expression);

        var values = used.ToDictionary(v => v, v => given[v]);
        var leaves = used.ToDictionary(v => v, v => new Value(given[v], v));
        var root = ExpressionGraph.Build(tree, leaves);
        if (root.Label is null) root.Label = "f";
        root.Backward();
        return new ParsedExpression(expression, tree, values, leaves, root);
    }
}
