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
    /// not given); <paramref name="labels"/> names the computed nodes in topological order, the output last
    /// (as the lecture names L's graph), while the text is unchanged.</summary>
    public ExpressionState(string text, IReadOnlyDictionary<string, double>? values = null, IReadOnlyList<string>? labels = null)
    {
        if (values is not null) foreach (var (k, v) in values) _values[k] = v;
        _labels = labels;
        _labelledText = text;
        SetText(text);
    }

    /// <summary>The preset's text, values and names.</summary>
    public static ExpressionState Of(ExpressionPreset preset) => new(preset.Text, preset.Values, preset.Labels);

    private readonly IReadOnlyList<string>? _labels;
    private readonly string _labelledText;

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

    /// <summary>The output's name: "f" as the command names it, or "L" (the lecture's) when a variable is
    /// called f; the preset's name while its text is unchanged.</summary>
    public string OutputName => Graph?.Root.Label ?? (Variables.Contains("f") ? "L" : "f");

    /// <summary>The nudge check of <paramref name="variable"/>: ΔL, how much the output moves when the variable
    /// alone moves by <paramref name="h"/> (evaluated afresh by the library), beside grad·h, the change the
    /// gradient predicts. They agree to first order: the smaller h, the closer.</summary>
    public (double DeltaL, double GradTimesH) Nudge(string variable, double h)
    {
        if (Parsed is null || Graph is null) throw new InvalidOperationException("Expected an expression that parses.");
        var at = Variables.ToDictionary(v => v, ValueOf);
        double before = Parsed.Evaluate(at);
        at[variable] += h;
        return (Parsed.Evaluate(at) - before, Gradients[variable] * h);
    }

    // The graph afresh, labelled for reading: the output as OutputName says, the other computed nodes n1, n2,
    // ... in topological order (or the preset's names); then Backward.
    private void Rebuild()
    {
        if (Parsed is null) return;
        Graph = Parsed.Build(Variables.ToDictionary(v => v, ValueOf));
        var computed = Graph.Root.TopologicalOrder().Where(node => !node.IsLeaf && node.Label is null).ToArray();
        bool named = _labels is not null && Text == _labelledText && _labels.Count == computed.Length;
        string output = Variables.Contains("f") ? "L" : "f";
        for (int i = 0; i < computed.Length; i++)
            computed[i].Label = named ? _labels![i] : ReferenceEquals(computed[i], Graph.Root) ? output : $"n{i + 1}";
        Graph.Root.Backward();
        Gradients = Graph.Leaves.ToDictionary(kv => kv.Key, kv => kv.Value.Grad);
    }
}
