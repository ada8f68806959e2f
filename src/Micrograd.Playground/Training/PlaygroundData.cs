using Micrograd.Data;

namespace Micrograd.Playground.Training;

/// <summary>A point on the canvas: two coordinates and a class index (0, 1, or 2 for yin-yang's dots).</summary>
public readonly record struct LabeledPoint(double X, double Y, int Class);

/// <summary>The training view's datasets, drawn by the library from a seed, as class-indexed points.</summary>
public static class PlaygroundData
{
    /// <summary>The dataset names, in the order the menu shows them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["moons", "yinyang", "circles", "xor", "spiral"];

    /// <summary>The points of dataset <paramref name="name"/>, drawn from a generator seeded with
    /// <paramref name="seed"/>: 100 points each (yin-yang: the 80 training points of its preset's split).</summary>
    /// <exception cref="ArgumentException">For a name not in <see cref="Names"/>.</exception>
    public static IReadOnlyList<LabeledPoint> Points(string name, ulong seed)
    {
        var rng = new Rng(seed);
        var data = name switch
        {
            "moons" => Datasets.Moons(100, 0.1, rng),
            "yinyang" => Datasets.YinYang(100, rng).Train,
            "circles" => Datasets.Circles(100, 0.08, rng),
            "xor" => Datasets.Xor(100, 0.05, rng),
            "spiral" => Datasets.Spiral(100, 0.04, rng),
            _ => throw new ArgumentException($"Expected a dataset: {string.Join(", ", Names)}; got '{name}'.", nameof(name)),
        };
        bool signs = data.Targets.All(t => t is -1.0 or 1.0);
        return data.Inputs.Select((x, i) => new LabeledPoint(x[0], x[1], signs ? (data.Targets[i] > 0 ? 1 : 0) : (int)data.Targets[i])).ToArray();
    }

    /// <summary>The number of classes <paramref name="name"/> has.</summary>
    public static int ClassCount(string name) => name == "yinyang" ? 3 : 2;

    /// <summary>The points as a dataset whose targets suit the loss: class indices for cross-entropy, and
    /// -1 / +1 for classes 0 / 1 otherwise (a class 2 stays 2, which those losses then reject by name).</summary>
    public static Dataset ToDataset(IReadOnlyList<LabeledPoint> points, bool classIndices) => new(
        "playground",
        points.Select(p => new[] { p.X, p.Y }).ToArray(),
        points.Select(p => classIndices ? p.Class : p.Class switch { 0 => -1.0, 1 => 1.0, _ => p.Class }).ToArray());
}
