using Micrograd.Data;

namespace Micrograd.Playground.Training;

/// <summary>A point on the canvas: two coordinates and a class index (0, 1, or 2 for yin-yang's dots).</summary>
public readonly record struct LabeledPoint(double X, double Y, int Class);

/// <summary>The training and validation points of one dataset.</summary>
public sealed record PlaygroundSet(IReadOnlyList<LabeledPoint> Train, IReadOnlyList<LabeledPoint> Validation);

/// <summary>The training view's datasets, drawn by the library from a seed, as class-indexed points.</summary>
public static class PlaygroundData
{
    /// <summary>The dataset names, in the order the menu shows them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["moons", "yinyang", "circles", "xor", "spiral"];

    /// <summary>The points of dataset <paramref name="name"/>, drawn from a generator seeded with
    /// <paramref name="seed"/>: 100 training points, then 100 validation points drawn alike by the same generator
    /// (yin-yang: the 80 training and 10 validation points of its preset's split).</summary>
    /// <exception cref="ArgumentException">For a name not in <see cref="Names"/>.</exception>
    public static PlaygroundSet Load(string name, ulong seed)
    {
        var rng = new Rng(seed);
        if (name == "yinyang")
        {
            var splits = Datasets.YinYang(100, rng);
            return new(ToPoints(splits.Train), ToPoints(splits.Validation));
        }
        Func<Dataset> draw = name switch
        {
            "moons" => () => Datasets.Moons(100, 0.1, rng),
            "circles" => () => Datasets.Circles(100, 0.08, rng),
            "xor" => () => Datasets.Xor(100, 0.05, rng),
            "spiral" => () => Datasets.Spiral(100, 0.04, rng),
            _ => throw new ArgumentException($"Expected a dataset: {string.Join(", ", Names)}; got '{name}'.", nameof(name)),
        };
        var train = ToPoints(draw());
        return new(train, ToPoints(draw()));
    }

    /// <summary>The training points of <see cref="Load"/>.</summary>
    public static IReadOnlyList<LabeledPoint> Points(string name, ulong seed) => Load(name, seed).Train;

    /// <summary>The number of classes <paramref name="name"/> has.</summary>
    public static int ClassCount(string name) => name == "yinyang" ? 3 : 2;

    /// <summary>A class as the docs name it: -1 and +1 for a two-class set (the hinge loss's labels), else its
    /// index.</summary>
    public static string ClassName(int classIndex, int classCount) =>
        classCount == 2 ? (classIndex == 0 ? "-1" : "+1") : classIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The points as a dataset whose targets suit the loss: class indices for cross-entropy, and
    /// -1 / +1 for classes 0 / 1 otherwise (a class 2 stays 2, which those losses then reject by name).</summary>
    public static Dataset ToDataset(IReadOnlyList<LabeledPoint> points, bool classIndices) => new(
        "playground",
        points.Select(p => new[] { p.X, p.Y }).ToArray(),
        points.Select(p => Target(p.Class, classIndices)).ToArray());

    /// <summary>The target of a point of class <paramref name="classIndex"/>, as <see cref="ToDataset"/> gives it.</summary>
    public static double Target(int classIndex, bool classIndices) =>
        classIndices ? classIndex : classIndex switch { 0 => -1.0, 1 => 1.0, _ => classIndex };

    private static LabeledPoint[] ToPoints(Dataset data)
    {
        bool signs = data.Targets.All(t => t is -1.0 or 1.0);
        return data.Inputs.Select((x, i) => new LabeledPoint(x[0], x[1], signs ? (data.Targets[i] > 0 ? 1 : 0) : (int)data.Targets[i])).ToArray();
    }
}
