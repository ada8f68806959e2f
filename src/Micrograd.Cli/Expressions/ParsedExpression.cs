namespace Micrograd.Cli.Expressions;

/// <summary>An expression with its variables' values, built into a graph of Values and differentiated.</summary>
/// <param name="Text">The expression as given.</param>
/// <param name="Tree">The parsed expression.</param>
/// <param name="Values">Each variable's value, in the order the expression first uses them.</param>
/// <param name="Leaves">Each variable's leaf, holding its gradient after the backward pass.</param>
/// <param name="Root">The expression's value, after Backward.</param>
internal sealed record ParsedExpression(string Text, Expr Tree, IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, Value> Leaves, Value Root);
