using System.Globalization;
using System.IO.Compression;

namespace Micrograd.Data;

/// <summary>scikit-learn's files, embedded unchanged (Data/Shipped/), read as its loaders read them: iris, wine
/// and breast cancer start with "samples,features,class names...", then features and class index per row;
/// digits has no first row, each row 64 pixels and the digit.</summary>
internal static class ShippedFiles
{
    private sealed record Spec(string Resource, bool HasCountsRow, string[] FeatureNames, ImageSize? Image = null);

    // The Wisconsin breast cancer set's ten measures of a cell nucleus, in scikit-learn's order; before Specs, which reads them.
    private static readonly string[] CellMeasures =
    [
        "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points",
        "symmetry", "fractal dimension",
    ];

    private static readonly Dictionary<string, Spec> Specs = new()
    {
        ["digits"] = new("digits.csv.gz", false, Mnist.PixelNames(8, 8), new ImageSize(8, 8)),
        ["iris"] = new("iris.csv", true, ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]),
        ["wine"] = new("wine_data.csv", true,
        [
            "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
            "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline",
        ]),
        ["breast-cancer"] = new("breast_cancer.csv", true,
        [
            .. Measures("mean {0}"), .. Measures("{0} error"), .. Measures("worst {0}"),
        ]),
    };

    public static IReadOnlyList<string> Names { get; } = ["digits", "iris", "wine", "breast-cancer"];

    public static Dataset Read(string name)
    {
        var spec = Specs[name];
        using var resource = typeof(ShippedFiles).Assembly.GetManifestResourceStream("Micrograd.Data.Shipped." + spec.Resource)
            ?? throw new InvalidOperationException($"The library lacks its embedded file {spec.Resource}: a broken build.");
        using var text = spec.Resource.EndsWith(".gz", StringComparison.Ordinal)
            ? new StreamReader(new GZipStream(resource, CompressionMode.Decompress))
            : new StreamReader(resource);

        int width = spec.FeatureNames.Length;
        string[]? counts = spec.HasCountsRow ? text.ReadLine()!.Split(',') : null;
        var classNames = counts is null ? Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray() : counts[2..];
        var inputs = new List<double[]>();
        var targets = new List<double>();
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            var fields = line.Split(',');
            Check(fields.Length == width + 1, $"{fields.Length} fields on row {inputs.Count + 1}, expected {width + 1}");
            inputs.Add(fields[..width].Select(f => double.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
            targets.Add(double.Parse(fields[width], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        if (counts is not null)
            Check(counts[0] == inputs.Count.ToString(CultureInfo.InvariantCulture) && counts[1] == width.ToString(CultureInfo.InvariantCulture),
                $"{inputs.Count} rows of {width} features, but the first row says {counts[0]} of {counts[1]}");
        Check(targets.All(t => t >= 0 && t < classNames.Length && t == Math.Floor(t)), $"class indices outside 0..{classNames.Length - 1}");
        return Dataset.Own(name, inputs.ToArray(), targets.ToArray(), spec.FeatureNames, classNames, spec.Image);

        void Check(bool ok, string what)
        {
            if (!ok) throw new InvalidOperationException($"The shipped file {spec.Resource} is not as scikit-learn wrote it: {what}.");
        }
    }

    private static IEnumerable<string> Measures(string format) =>
        CellMeasures.Select(m => string.Format(CultureInfo.InvariantCulture, format, m));
}
