namespace Micrograd.Expressions;

/// <summary>
/// An expression such as <c>x*y + exp(-x^2)</c>, parsed once and then built into a graph of
/// <see cref="Value"/>s for any values of its variables, so that Backward differentiates it.
/// </summary>
/// <remarks>
/// The syntax: numbers (2, 0.5, .5, 1e-3), variables (letters, digits and _, not starting with a digit),
/// <c>+ - * /</c>, <c>^</c> (or Python's <c>**</c>), parentheses, unary minus and plus, and the functions
/// <see cref="Functions"/>. Precedence follows Python: <c>^</c> binds tightest and is right-associative
/// (2^3^2 is 2^9), unary minus binds looser than <c>^</c> (-x^2 is -(x^2)), then <c>* /</c>, then
/// <c>+ -</c>. <c>a ^ b</c> with a constant exponent is <see cref="Value.Pow"/>; with a variable in the
/// exponent it is exp(b·log(a)), defined for a &gt; 0 only.
/// </remarks>
public sealed class Expression
{
    private readonly Expr _tree;

    private Expression(string text, Expr tree)
    {
        Text = text;
        _tree = tree;
        Variables = GraphBuilder.Variables(tree);
    }

    /// <summary>The functions an expression may call, in the order messages list them.</summary>
    public static IReadOnlyList<string> Functions => FunctionTable.Names;

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>The variables the expression uses, in the order they first appear.</summary>
    public IReadOnlyList<string> Variables { get; }

    internal Expr Tree => _tree;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">Saying what was expected where, and what came.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Expression(text, Parser.Parse(text));
    }

    /// <summary>The graph of the expression at <paramref name="values"/>: one leaf per variable, labelled with
    /// its name (the same leaf wherever the variable occurs, so its gradients add up). Values for names the
    /// expression does not use are ignored. Call Backward on the root to fill in the leaves' gradients.</summary>
    /// <exception cref="ArgumentException">When a variable the expression uses has no value.</exception>
    public ExpressionGraph Build(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var leaves = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (string name in Variables)
        {
            if (!values.TryGetValue(name, out double value))
                throw new ArgumentException($"The expression uses the variable '{name}' but no value was given for it.", nameof(values));
            leaves[name] = new Value(value, name);
        }
        return new ExpressionGraph(GraphBuilder.Build(_tree, leaves), leaves);
    }

    /// <summary>The value of the expression at <paramref name="values"/>, through the same Value operations
    /// as <see cref="Build"/>.</summary>
    /// <exception cref="ArgumentException">When a variable the expression uses has no value.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values) => Build(values).Root.Data;

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>An expression built into Values.</summary>
/// <param name="Root">The expression's value; call Backward on it.</param>
/// <param name="Leaves">Each variable's leaf, by name, in the order the expression first uses them.</param>
public sealed record ExpressionGraph(Value Root, IReadOnlyDictionary<string, Value> Leaves);
