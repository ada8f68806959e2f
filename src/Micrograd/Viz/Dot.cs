using System.Globalization;
using System.Text;

namespace Micrograd.Viz;

/// <summary>An expression graph as Graphviz DOT, in the lecture's style: one record per Value (label, data,
/// grad) and one small oval per operation. Render it with <c>dot -Tsvg graph.dot -o graph.svg</c>.</summary>
public static class Dot
{
    /// <summary>The largest graph <see cref="Write"/> draws unless told otherwise: beyond a few hundred
    /// nodes a drawing is no longer readable.</summary>
    public const int DefaultMaxNodes = 500;

    /// <summary>The fill of the highlighted node: yellow.</summary>
    public const string HighlightColor = "#ffd966";

    /// <summary>The fill of the marked nodes: light green.</summary>
    public const string MarkColor = "#b7e1a1";

    /// <summary>Left to right, ending at <paramref name="root"/>; <paramref name="highlight"/> is filled with
    /// <see cref="HighlightColor"/>, such as the node a step-through is at, and the <paramref name="marked"/> nodes
    /// (found by reference, labelled or not) with <see cref="MarkColor"/>, such as those receiving its gradient.</summary>
    /// <exception cref="GraphTooLargeException">When the graph has more than <paramref name="maxNodes"/> Values.</exception>
    public static string Write(Value root, int maxNodes = DefaultMaxNodes, Value? highlight = null, IEnumerable<Value>? marked = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var nodes = TopologicalSort.AllNodes(root);
        if (nodes.Count > maxNodes) throw new GraphTooLargeException(nodes.Count, maxNodes);

        var marks = new HashSet<Value>(marked ?? [], ReferenceEqualityComparer.Instance);
        var id = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        foreach (var v in nodes) id[v] = $"n{id.Count}";

        var dot = new StringBuilder();
        dot.AppendLine("digraph G {");
        dot.AppendLine("  rankdir=LR;");
        dot.AppendLine("  node [fontname=\"Helvetica\", fontsize=11];");
        foreach (var v in nodes)
        {
            string label = Escape(v.Label ?? "");
            string? color = ReferenceEquals(v, highlight) ? HighlightColor : marks.Contains(v) ? MarkColor : null;
            string fill = color is null ? "" : $", style=filled, fillcolor=\"{color}\"";
            dot.AppendLine(CultureInfo.InvariantCulture,
                $"  {id[v]} [shape=record, label=\"{{ {label} | data {v.Data:F4} | grad {v.Grad:F4} }}\"{fill}];");
            if (v.IsLeaf) continue;
            dot.AppendLine($"  {id[v]}_op [label=\"{Escape(v.Op)}\"];");
            dot.AppendLine($"  {id[v]}_op -> {id[v]};");
            foreach (var child in v.Children) dot.AppendLine($"  {id[child]} -> {id[v]}_op;");
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    // Characters with a meaning inside a record label (TensorDot's too).
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '{' or '}' or '|' or '<' or '>' or '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

public sealed class GraphTooLargeException(int nodes, int maxNodes)
    : InvalidOperationException($"The graph has {nodes} values; drawing more than {maxNodes} gives an unreadable picture. Draw a smaller expression or raise the node limit.")
{
    public int Nodes { get; } = nodes;

    public int MaxNodes { get; } = maxNodes;
}
