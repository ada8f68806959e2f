using System.Globalization;
using System.Text;
using Micrograd;

namespace TutorialPictures;

/// <summary>
/// Chapter 5's two graphs in which a Value is used twice, each node showing the gradient a backward pass that
/// sets gradients (=) leaves, in red where it is wrong, beside the one that adds them up (+=), as
/// <see cref="Value.Backward()"/> does. The walk is chapter 5's: the lecture's build_topo, in reverse.
/// </summary>
internal static class BugGraphs
{
    public static string APlusA()
    {
        Value Build(out Value[] nodes)
        {
            var a = new Value(3.0, "a");
            var b = a + a; b.Label = "b";
            nodes = [a, b];
            return b;
        }
        return Draw(Build, "b = a + a at a = 3: db/da is 2");
    }

    public static string Diamond()
    {
        Value Build(out Value[] nodes)
        {
            var a = new Value(-2.0, "a");
            var b = new Value(3.0, "b");
            var d = a * b; d.Label = "d";
            var e = a + b; e.Label = "e";
            var f = d * e; f.Label = "f";
            nodes = [a, b, d, e, f];
            return f;
        }
        return Draw(Build, "f = (a*b)*(a+b) at a = -2, b = 3: df/da is -3, df/db is -8");
    }

    private delegate Value Builder(out Value[] nodes);

    private static string Draw(Builder build, string title)
    {
        var wrongRoot = build(out var wrongNodes);
        Walk(wrongRoot, add: false);
        var rightRoot = build(out var rightNodes);
        rightRoot.Backward();

        var dot = new StringBuilder();
        dot.AppendLine("digraph G {");
        dot.AppendLine("  rankdir=LR;");
        dot.AppendLine($"  label=\"{title}\"; labelloc=t; fontname=\"Helvetica\"; fontsize=13;");
        dot.AppendLine("  node [fontname=\"Helvetica\", fontsize=11];");
        var id = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rightNodes.Length; i++) id[rightNodes[i]] = $"n{i}";
        for (int i = 0; i < rightNodes.Length; i++)
        {
            var (right, wrong) = (rightNodes[i], wrongNodes[i]);
            bool differs = Math.Abs(right.Grad - wrong.Grad) > 1e-12;
            string wrongCell = differs ? $"<td bgcolor=\"#f4cccc\"><font color=\"#b00000\">grad (=) {N(wrong.Grad)}</font></td>" : $"<td>grad (=) {N(wrong.Grad)}</td>";
            dot.AppendLine(CultureInfo.InvariantCulture,
                $"  n{i} [shape=plaintext, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><td><b>{right.Label}</b></td><td>data {N(right.Data)}</td>{wrongCell}<td bgcolor=\"#d9ead3\">grad (+=) {N(right.Grad)}</td></tr></table>>];");
            if (right.Op == "") continue;
            dot.AppendLine($"  n{i}_op [label=\"{right.Op}\"];");
            dot.AppendLine($"  n{i}_op -> n{i};");
            foreach (var child in right.Children) dot.AppendLine($"  {id[child]} -> n{i}_op;");
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    // Backward in reverse build_topo order, each node passing its gradient on by = or by +=.
    private static void Walk(Value root, bool add)
    {
        var topo = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        void BuildTopo(Value v)
        {
            if (!visited.Add(v)) return;
            foreach (var child in v.Children) BuildTopo(child);
            topo.Add(v);
        }
        BuildTopo(root);
        root.Grad = 1.0;
        for (int i = topo.Count - 1; i >= 0; i--)
        {
            var local = topo[i].LocalDerivatives();
            for (int c = 0; c < local.Count; c++)
            {
                var child = topo[i].Children[c];
                child.Grad = (add ? child.Grad : 0) + local[c] * topo[i].Grad;
            }
        }
    }

    private static string N(double x) => x.ToString("0.0###", CultureInfo.InvariantCulture);
}
