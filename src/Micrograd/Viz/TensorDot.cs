using System.Globalization;
using System.Numerics;
using System.Text;
using Micrograd.Tensors;

namespace Micrograd.Viz;

/// <summary>A tensor graph as Graphviz DOT, in the style of <see cref="Dot"/>: one record per tensor (its label,
/// shape, and its first numbers and gradients) and one small oval per op, after a forward and a backward pass.</summary>
public static class TensorDot
{
    /// <summary>How many numbers of a tensor a record shows before "…".</summary>
    public const int Shown = 4;

    /// <summary>Left to right, ending at <paramref name="root"/>; <paramref name="labels"/> names tensors (a
    /// parameter's state-dict name, the input), other tensors are unnamed.</summary>
    /// <exception cref="GraphTooLargeException">When the graph has more than <paramref name="maxNodes"/> tensors.</exception>
    public static string Write<T>(Tensor<T> root, IReadOnlyDictionary<Tensor<T>, string> labels, int maxNodes = Dot.DefaultMaxNodes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(labels);
        var nodes = Nodes(root);
        if (nodes.Count > maxNodes) throw new GraphTooLargeException(nodes.Count, maxNodes);
        var id = new Dictionary<Tensor<T>, string>(ReferenceEqualityComparer.Instance);
        foreach (var t in nodes) id[t] = $"n{id.Count}";

        var dot = new StringBuilder();
        dot.AppendLine("digraph G {");
        dot.AppendLine("  rankdir=LR;");
        dot.AppendLine("  node [fontname=\"Helvetica\", fontsize=11];");
        foreach (var t in nodes)
        {
            string label = Dot.Escape(labels.TryGetValue(t, out var name) ? name : "");
            dot.AppendLine($"  {id[t]} [shape=record, label=\"{{ {label} | {Shapes.Format(t.Dims)} | data {Numbers(t.ToArray())} | grad {(t.Grad is { } g ? Numbers(g.ToArray()) : "none")} }}\"];");
            if (t.Creator is not { } f) continue;
            dot.AppendLine($"  {id[t]}_op [label=\"{Dot.Escape(f.Name)}\"];");
            dot.AppendLine($"  {id[t]}_op -> {id[t]};");
            foreach (var input in f.Inputs) dot.AppendLine($"  {id[input]} -> {id[t]}_op;");
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>Every tensor on the way to <paramref name="root"/>, leaves included, each after its inputs.</summary>
    public static IReadOnlyList<Tensor<T>> Nodes<T>(Tensor<T> root) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var order = new List<Tensor<T>>();
        var seen = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor<T> Tensor, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (t, expanded) = stack.Pop();
            if (expanded) { order.Add(t); continue; }
            if (!seen.Add(t)) continue;
            stack.Push((t, true));
            if (t.Creator is { } f)
                for (int i = f.Inputs.Length - 1; i >= 0; i--) stack.Push((f.Inputs[i], false));
        }
        return order;
    }

    /// <summary>Keeps the gradient of every computed tensor on the way to <paramref name="root"/>, so that a
    /// backward pass leaves them for <see cref="Write"/> to show.</summary>
    public static void RetainGrads<T>(Tensor<T> root) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var t in Nodes(root))
            if (!t.IsLeaf) t.RetainGrad();
    }

    private static string Numbers<T>(T[] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shown = values.Take(Shown).Select(v => double.CreateChecked(v).ToString("F4", CultureInfo.InvariantCulture));
        return string.Join(", ", shown) + (values.Length > Shown ? $", … ({values.Length:N0})" : "");
    }
}
