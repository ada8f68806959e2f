using Micrograd.Expressions;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// The expression view's model: the text, parsed by the library's parser (the one <c>micrograd grad</c> uses),
/// a value for each variable, and the graph built from them with Backward already run.
/// </summary>
public sealed class ExpressionState
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/> with <paramref name="values"/> for its variables (1 for any
    /// not given).</summary>
    public ExpressionState(string text, IReadOnlyDictionary<string, double>? values = null)
    {
        if (values is not null) foreach (var (k, v) in values) _values[k] = v;
        SetText(text);
    }

    public string Text { get; private set; } = "";

    /// <summary>The parsed expression, or null when the text does not parse.</summary>
    public Expression? Parsed { get; private set; }

    /// <summary>The error lines for text that does not parse, as the command prints them: "error: ...", the
    /// expression, and a caret under the problem. Null when it parses.</summary>
    public IReadOnlyList<string>? Error { get; private set; }

    /// <summary>The graph at the current values, after Backward; null when the text does not parse.</summary>
    public ExpressionGraph? Graph { get; private set; }

    /// <summary>Each variable's gradient d(output)/d(variable) as the library's Backward computed it (kept
    /// apart from the leaves, whose Grad a step-through rewrites).</summary>
    public IReadOnlyDictionary<string, double> Gradients { get; private set; } = new Dictionary<string, double>();

    /// <summary>The variables in the order the expression first uses them.</summary>
    public IReadOnlyList<string> Variables => Parsed?.Variables ?? [];

    /// <summary>The value of <paramref name="variable"/>.</summary>
    public double ValueOf(string variable) => _values.GetValueOrDefault(variable, 1.0);

    /// <summary>Parses new text; variables keep the values they had, new ones start at 1.</summary>
    public void SetText(string text)
    {
        Text = text;
        try
        {
            Parsed = Expression.Parse(text);
            Error = null;
        }
        catch (ExpressionSyntaxException e)
        {
            Parsed = null;
            Graph = null;
            Gradients = new Dictionary<string, double>();
            Error = ["error: " + e.Message, .. e.CaretLines];
            return;
        }
        Rebuild();
    }

    /// <summary>Gives <paramref name="variable"/> a new value and rebuilds the graph.</summary>
    public void SetValue(string variable, double value)
    {
        _values[variable] = value;
        Rebuild();
    }

    // The graph afresh, labelled for reading: the output "f" (as the command labels it), the other computed
    // nodes n1, n2, ... in topological order; then Backward.
    private void Rebuild()
    {
        if (Parsed is null) return;
        Graph = Parsed.Build(Variables.ToDictionary(v => v, ValueOf));
        int n = 0;
        foreach (var node in Graph.Root.TopologicalOrder())
            if (!node.IsLeaf && node.Label is null) node.Label = ReferenceEquals(node, Graph.Root) ? "f" : $"n{++n}";
        Graph.Root.Backward();
        Gradients = Graph.Leaves.ToDictionary(kv => kv.Key, kv => kv.Value.Grad);
    }
}
