namespace Micrograd.Expressions;

/// <summary>
/// Builds a parsed expression out of <see cref="Value"/> operations, so that Backward differentiates it.
/// </summary>
/// <remarks>
/// <c>a ^ b</c> with a constant exponent (a number, or anything without variables, such as 1/2) is
/// <see cref="Value.Pow"/>, micrograd's <c>a**n</c>. With a variable in the exponent it is built as
/// exp(b·log(a)), the identity behind a^b; that is defined for a &gt; 0 only (NaN otherwise, as log is), and
/// its graph shows the exp, * and log nodes.
/// </remarks>
internal static class GraphBuilder
{
    /// <summary>The graph of <paramref name="expr"/>, reading each variable's leaf from
    /// <paramref name="variables"/> (the same leaf wherever the variable occurs, so its gradients add up).</summary>
    public static Value Build(Expr expr, IReadOnlyDictionary<string, Value> variables) => expr switch
    {
        NumberExpr n => new Value(n.Value),
        VariableExpr v => variables[v.Name],
        NegateExpr neg => -Build(neg.Operand, variables),
        CallExpr call => FunctionTable.Apply(call.Function, Build(call.Argument, variables)),
        BinaryExpr { Op: '^' } pow when Variables(pow.Right).Count == 0 =>
            Build(pow.Left, variables).Pow(Build(pow.Right, variables).Data),
        BinaryExpr { Op: '^' } pow => (Build(pow.Right, variables) * Build(pow.Left, variables).Log()).Exp(),
        BinaryExpr b => b.Op switch
        {
            '+' => Build(b.Left, variables) + Build(b.Right, variables),
            '-' => Build(b.Left, variables) - Build(b.Right, variables),
            '*' => Build(b.Left, variables) * Build(b.Right, variables),
            '/' => Build(b.Left, variables) / Build(b.Right, variables),
            _ => throw new InvalidOperationException($"Unknown operator '{b.Op}'."),
        },
        _ => throw new InvalidOperationException($"Unknown expression node {expr.GetType().Name}."),
    };

    /// <summary>The variables <paramref name="expr"/> uses, in the order they first appear.</summary>
    public static IReadOnlyList<string> Variables(Expr expr)
    {
        var names = new List<string>();
        Collect(expr);
        return names;

        void Collect(Expr e)
        {
            switch (e)
            {
                case VariableExpr v when !names.Contains(v.Name): names.Add(v.Name); break;
                case NegateExpr n: Collect(n.Operand); break;
                case CallExpr c: Collect(c.Argument); break;
                case BinaryExpr b: Collect(b.Left); Collect(b.Right); break;
            }
        }
    }
}
