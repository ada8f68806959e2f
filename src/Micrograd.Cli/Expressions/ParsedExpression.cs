using Micrograd.Expressions;

namespace Micrograd.Cli.Expressions;

/// <summary>An expression with its variables' values, built into a graph of Values and differentiated.</summary>
/// <param name="Expression">The parsed expression.</param>
/// <param name="Values">Each variable's value, in the order the expression first uses them.</param>
/// <param name="Leaves">Each variable's leaf, holding its gradient after the backward pass.</param>
/// <param name="Root">The expression's value, after Backward.</param>
internal sealed record ParsedExpression(Expression Expression, IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, Value> Leaves, Value Root)
{
    /// <summary>The expression as given.</summary>
    public string Text => Expression.Text;
}
