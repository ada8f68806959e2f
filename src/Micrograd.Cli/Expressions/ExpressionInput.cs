namespace Micrograd.Cli.Expressions;

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
