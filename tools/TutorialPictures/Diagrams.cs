using System.Globalization;
using System.Text;

namespace TutorialPictures;

/// <summary>Drawings of a neuron and of an MLP, as Graphviz DOT.</summary>
internal static class Diagrams
{
    /// <summary>Chapter 4's neuron: inputs times weights, summed with the bias, squashed by tanh.</summary>
    public static string Neuron() => """
        digraph G {
          rankdir=LR;
          label="o = tanh(x1·w1 + x2·w2 + b), with the lecture's numbers"; labelloc=t; fontname="Helvetica"; fontsize=13;
          node [fontname="Helvetica", fontsize=12];
          edge [fontname="Helvetica", fontsize=11];
          x1 [shape=circle, width=0.9, fixedsize=true, label="x1\n2.0"];
          x2 [shape=circle, width=0.9, fixedsize=true, label="x2\n0.0"];
          b [shape=circle, width=0.9, fixedsize=true, style=filled, fillcolor="#fff2cc", label="b\n6.8814"];
          sum [shape=circle, width=1.2, fixedsize=true, label="Σ\nn = 0.8814"];
          tanh [shape=box, style=rounded, label="tanh"];
          o [shape=circle, width=0.9, fixedsize=true, label="o\n0.7071"];
          x1 -> sum [label="× w1 = -3.0"];
          x2 -> sum [label="× w2 = 1.0"];
          b -> sum [label="+"];
          sum -> tanh -> o;
        }
        """;

    /// <summary>An MLP: a column of circles per layer, every neuron connected to every input of its layer. Drawn
    /// with Graphviz's neato at pinned positions, so that the columns keep their order.</summary>
    public static string Mlp(int inputs, int[] layers)
    {
        const double columnGap = 1.9, rowGap = 0.8;
        var dot = new StringBuilder();
        dot.AppendLine("digraph G {");
        dot.AppendLine("  layout=neato; splines=false;");
        dot.AppendLine($"  label=\"MLP({inputs}, [{string.Join(", ", layers)}]): {Parameters(inputs, layers)} parameters\"; labelloc=t; fontname=\"Helvetica\"; fontsize=13;");
        dot.AppendLine("  node [fontname=\"Helvetica\", fontsize=11, shape=circle, width=0.5, fixedsize=true];");
        dot.AppendLine("  edge [arrowsize=0.5, color=\"#00000066\"];");
        int[] sizes = [inputs, .. layers];
        double top = rowGap * (sizes.Max() - 1) / 2;
        for (int l = 0; l < sizes.Length; l++)
        {
            string x = (l * columnGap).ToString("0.##", CultureInfo.InvariantCulture);
            string caption = l == 0 ? $"{inputs} inputs" : l == sizes.Length - 1 ? "output layer" : $"layer {l}";
            dot.AppendLine($"  caption{l} [shape=plaintext, width=1.5, label=\"{caption}\", pos=\"{x},{(top + rowGap).ToString("0.##", CultureInfo.InvariantCulture)}!\"];");
            for (int i = 0; i < sizes[l]; i++)
            {
                string y = (rowGap * ((sizes[l] - 1) / 2.0 - i)).ToString("0.##", CultureInfo.InvariantCulture);
                string label = l == 0 ? $"x{i}" : "tanh";
                string fill = l == 0 ? "" : ", style=filled, fillcolor=\"#deebf7\"";
                dot.AppendLine($"  L{l}N{i} [label=\"{label}\", pos=\"{x},{y}!\"{fill}];");
            }
        }
        for (int l = 1; l < sizes.Length; l++)
            for (int i = 0; i < sizes[l - 1]; i++)
                for (int j = 0; j < sizes[l]; j++)
                    dot.AppendLine($"  L{l - 1}N{i} -> L{l}N{j};");
        dot.AppendLine("}");
        return dot.ToString();
    }

    private static int Parameters(int inputs, int[] layers)
    {
        int count = 0, previous = inputs;
        foreach (int size in layers) { count += size * (previous + 1); previous = size; }
        return count;
    }
}
