namespace Micrograd.Playground.Stepping;

/// <summary>An expression the page can load by name (<c>?preset=</c>), with its variables' values and, where the
/// lecture names them, the names of its computed nodes in topological order, the output last.</summary>
public sealed record ExpressionPreset(string Id, string Title, string Text, IReadOnlyDictionary<string, double> Values, IReadOnlyList<string>? Labels = null);

public static class ExpressionPresets
{
    /// <summary>The lecture's first graph: L = d·f with d = e + c, e = a·b, at a = 2, b = −3, c = 10, f = −2
    /// (L = −8).</summary>
    public static ExpressionPreset LectureL { get; } = new("lecture-L", "the lecture's L", "(a*b + c) * f",
        new Dictionary<string, double> { ["a"] = 2, ["b"] = -3, ["c"] = 10, ["f"] = -2 }, ["e", "d", "L"]);

    public static IReadOnlyList<ExpressionPreset> All { get; } =
    [
        LectureL,
        new("neuron", "a neuron, tanh(x·w + b)", "tanh(x*w + b)", new Dictionary<string, double> { ["x"] = 0.5, ["w"] = -1.5, ["b"] = 0.25 }),
        new("a-plus-a", "a + a", "a + a", new Dictionary<string, double> { ["a"] = 3 }),
        new("chapter-5", "(a*b)*(a+b)", "(a*b)*(a+b)", new Dictionary<string, double> { ["a"] = -2, ["b"] = 3 }),
    ];

    /// <summary>The preset named <paramref name="id"/> (any case), or null.</summary>
    public static ExpressionPreset? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}
