using System.Text;

namespace Micrograd.Playground.Stepping;

/// <summary>Fills more nodes of a drawing made by <see cref="Micrograd.Viz.Dot.Write"/>, which fills one (the
/// step's current node): the nodes that receive gradient in the step. A node is found by its record's label, so
/// only labelled nodes can be filled (every computed node of the page's graphs is labelled).</summary>
public static class DotMarks
{
    /// <summary>The color of the nodes receiving gradient: light green, beside the current node's yellow.</summary>
    public const string Receiving = "#b7e1a1";

    /// <summary><paramref name="dot"/> with the records labelled <paramref name="labels"/> filled with
    /// <paramref name="color"/>.</summary>
    public static string Fill(string dot, IEnumerable<string> labels, string color = Receiving)
    {
        var wanted = labels.Where(l => l.Length > 0).Select(l => "label=\"{ " + Escape(l) + " | data ").ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return dot;
        var lines = dot.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Contains("style=filled", StringComparison.Ordinal) || !line.EndsWith("];", StringComparison.Ordinal)) continue;
            if (wanted.Any(w => line.Contains(w, StringComparison.Ordinal)))
                lines[i] = line[..^2] + $", style=filled, fillcolor=\"{color}\"];";
        }
        return string.Join('\n', lines);
    }

    // As Dot escapes a record label.
    private static string Escape(string text)
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
