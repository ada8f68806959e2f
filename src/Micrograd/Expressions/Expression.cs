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
    /// <summary>The longest expression <see cref="Parse"/> reads, in characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>How deep <see cref="Parse"/> lets parentheses, function calls, unary signs and powers nest
    /// (as CPython's parser, which stops at 200 nested parentheses).</summary>
    public const int MaxDepth = 200;

    private readonly string[] _variables;

    private Expression(string text, (Instruction[] Program, string[] Variables) parsed)
    {
        Text = text;
        Program = parsed.Program;
        _variables = parsed.Variables;
        Variables = Array.AsReadOnly(_variables);
    }

    /// <summary>The functions an expression may call, in the order messages list them.</summary>
    public static IReadOnlyList<string> Functions => FunctionTable.Names;

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>The variables the expression uses, in the order they first appear.</summary>
    public IReadOnlyList<string> Variables { get; }

    internal Instruction[] Program { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">Saying what was expected where, and what came; also for
    /// text longer than <see cref="MaxLength"/> or nested deeper than <see cref="MaxDepth"/>.</exception>
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
        var leaves = Leaves(InOrder(values));
        return new ExpressionGraph(GraphBuilder.Build(Program, leaves),
            Variables.Select((name, i) => (name, i)).ToDictionary(v => v.name, v => leaves[v.i], StringComparer.Ordinal));
    }

    /// <summary>The value of the expression at <paramref name="values"/>, through the same Value operations
    /// as <see cref="Build"/>.</summary>
    /// <exception cref="ArgumentException">When a variable the expression uses has no value.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values) => Evaluate(InOrder(values));

    /// <summary>The value of the expression with <paramref name="values"/>[i] for <see cref="Variables"/>[i]:
    /// for evaluating it often, as a numerical derivative does, without looking names up.</summary>
    /// <exception cref="ArgumentException">When the count of values differs from the count of variables.</exception>
    public double Evaluate(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Variables.Count)
            throw new ArgumentException($"Expected {Variables.Count} values, one for each of the variables {string.Join(", ", Variables)}; got {values.Count}.", nameof(values));
        return GraphBuilder.Build(Program, Leaves(values)).Data;
    }

    private double[] InOrder(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ordered = new double[Variables.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            if (!values.TryGetValue(Variables[i], out ordered[i]))
                throw new ArgumentException($"The expression uses the variable '{Variables[i]}' but no value was given for it.", nameof(values));
        }
        return ordered;
    }

    private Value[] Leaves(IReadOnlyList<double> values)
    {
        var leaves = new Value[_variables.Length];
        for (int i = 0; i < leaves.Length; i++) leaves[i] = new Value(values[i], _variables[i]);
        return leaves;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>An expression built into Values.</summary>
/// <param name="Root">The expression's value; call Backward on it.</param>
/// <param name="Leaves">Each variable's leaf, by name, in the order the expression first uses them.</param>
public sealed record ExpressionGraph(Value Root, IReadOnlyDictionary<string, Value> Leaves);
