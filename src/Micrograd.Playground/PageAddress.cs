using System.Globalization;

namespace Micrograd.Playground;

/// <summary>
/// What the page's address asks for (docs/playground.md, "Links into a view"): <c>view=</c> expression, stepper,
/// neuron, training, loop or names; <c>expr=</c> an expression (URL-encoded: + as %2B); <c>preset=</c> an expression preset
/// (such as lecture-L) or a training dataset (moons, yinyang, circles, xor, spiral); any other parameter whose
/// value is a number gives the variable of that name its value, such as <c>a=2</c>.
/// </summary>
public sealed record PageAddress(string View, string? Expression, string? Preset, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The views by their <c>view=</c> word, in the order of the page's tabs (stepper is the expression
    /// view with its step-through at the first step).</summary>
    public static IReadOnlyList<(string Id, string Title)> Views { get; } =
        [("expression", "Expression"), ("neuron", "Neuron"), ("loop", "Training loop"), ("training", "Training"), ("names", "Names")];

    private static readonly string[] Known = ["view", "expr", "preset"];

    /// <summary>The tab to show: the view asked for, expression for stepper, and expression for anything else.</summary>
    public string Tab => View == "stepper" ? "expression" : Views.Any(v => v.Id == View) ? View : "expression";

    /// <summary>Reads the query of <paramref name="uri"/> ('+' is a space, as in any query string).</summary>
    public static PageAddress Parse(string uri)
    {
        int q = uri.IndexOf('?', StringComparison.Ordinal);
        string query = q < 0 ? "" : uri[(q + 1)..];
        int hash = query.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) query = query[..hash];
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string key = Decode(eq < 0 ? part : part[..eq]), value = eq < 0 ? "" : Decode(part[(eq + 1)..]);
            pairs.TryAdd(key, value);
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
            if (!Known.Contains(key) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                values[key] = v;
        return new PageAddress(pairs.GetValueOrDefault("view", "expression").ToLowerInvariant(), pairs.GetValueOrDefault("expr"), pairs.GetValueOrDefault("preset"), values);
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
