namespace Micrograd.Expressions;

/// <summary>An expression such as <c>x*y + exp(-x^2)</c>, parsed once, then built into a graph of
/// <see cref="Value"/>s for any values of its variables.</summary>
/// <remarks>
/// Numbers (2, .5, 1e-3), variables (letters, digits, _; no leading digit), <c>+ - * /</c>, <c>^</c> (or
/// <c>**</c>), parentheses, unary signs and <see cref="Functions"/>. Precedence as in Python: <c>^</c> tightest
/// and right-associative (2^3^2 is 2^9), then unary minus (-x^2 is -(x^2)), <c>* /</c>, <c>+ -</c>. A variable
/// exponent makes a ^ b exp(b·log(a)), defined for a &gt; 0 only.
/// </remarks>
public sealed class Expression
{
    /// <summary>In characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Nesting of parentheses, calls, unary signs and powers, as CPython's parser allows.</summary>
    public const int MaxDepth = 200;

    private readonly string[] _variables;

    private Expression(string text, (Instruction[] Program, string[] Variables) parsed)
    {
        Text = text;
        Program = parsed.Program;
        _variables = parsed.Variables;
        Variables = Array.AsReadOnly(_variables);
    }

    public static IReadOnlyList<string> Functions => FunctionTable.Names;

    public string Text { get; }

    /// <summary>In the order they first appear.</summary>
    public IReadOnlyList<string> Variables { get; }

    internal Instruction[] Program { get; }

    /// <exception cref="ExpressionSyntaxException">Saying what was expected where, and what came; also for
    /// text longer than <see cref="MaxLength"/> or nested deeper than <see cref="MaxDepth"/>.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Expression(text, Parser.Parse(text));
    }

    /// <summary>One leaf per variable, labelled with its name, shared by every use so its gradients add up.
    /// Values for names the expression does not use are ignored.</summary>
    /// <exception cref="ArgumentException">When a variable the expression uses has no value.</exception>
    public ExpressionGraph Build(IReadOnlyDictionary<string, double> values)
    {
        var leaves = Leaves(InOrder(values));
        return new ExpressionGraph(GraphBuilder.Build(Program, leaves),
            Variables.Select((name, i) => (name, i)).ToDictionary(v => v.name, v => leaves[v.i], StringComparer.Ordinal));
    }

    /// <exception cref="ArgumentException">When a variable the expression uses has no value.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values) => Evaluate(InOrder(values));

    /// <summary><paramref name="values"/>[i] for <see cref="Variables"/>[i], with no name look-up.</summary>
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

    public override string ToString() => Text;
}

public sealed record ExpressionGraph(Value Root, IReadOnlyDictionary<string, Value> Leaves);
