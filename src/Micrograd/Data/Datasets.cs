namespace Micrograd.Data;

public static partial class Datasets
{
    // The drawn datasets by name, with the presets' sizes; declared before Names, which reads it.
    private static readonly (string Name, Func<Rng, DatasetSplits> Draw)[] Drawn =
    [
        ("tiny", _ => TrainOnly(Tiny())),
        ("moons", rng => TrainOnly(Moons(100, 0.1, rng))),
        ("yinyang", rng => YinYang(100, rng)),
    ];

    /// <summary>Drawn ones (tiny, moons, yinyang), then <see cref="ShippedNames"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Drawn.Select(d => d.Name), .. ShippedFiles.Names];

    /// <summary>The lecture's four examples of three inputs, with targets 1, -1, -1, 1.</summary>
    public static Dataset Tiny() => new(
        "tiny",
        [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]],
        [1.0, -1.0, -1.0, 1.0]);

    /// <summary>scikit-learn's make_moons: the outer moon labelled -1, the inner +1; shuffled, then moved by
    /// Gaussian noise, x then y for each point in turn.</summary>
    /// <param name="n">n / 2 (rounded down) points on the outer moon, the rest on the inner.</param>
    /// <param name="noise">The standard deviation of the noise; 0 for none.</param>
    /// <param name="rng">Draws the shuffle, then the noise.</param>
    /// <param name="shuffle">False keeps scikit-learn's order: the outer moon first.</param>
    public static Dataset Moons(int n, double noise, Rng rng, bool shuffle = true)
    {
        CheckShape(n, noise, rng);
        int nOut = n / 2, nIn = n - nOut;
        var points = new List<(double[] X, double Y)>(n);
        foreach (double t in Linspace(0, Math.PI, nOut)) points.Add(([Math.Cos(t), Math.Sin(t)], -1));
        foreach (double t in Linspace(0, Math.PI, nIn)) points.Add(([1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5], 1));

        if (shuffle) rng.Shuffle(points);
        return WithNoise("moons", points, noise, rng);
    }

    /// <summary>Yin 0, yang 1 and the two small dots 2, drawn by rejection (point i wants class i mod 3), with
    /// inputs in [-2, 2], split 80% / 10% / 10% in order.</summary>
    public static DatasetSplits YinYang(int n, Rng rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, $"Expected at least 1 point, got {n}.");
        ArgumentNullException.ThrowIfNull(rng);
        const double rSmall = 0.1, rBig = 0.5;

        var inputs = new double[n][];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            int wanted = i % 3;
            double x, y;
            do
            {
                x = rng.Uniform(0, 2 * rBig);
                y = rng.Uniform(0, 2 * rBig);
            }
            while (Math.Sqrt((x - rBig) * (x - rBig) + (y - rBig) * (y - rBig)) > rBig || YinYangClass(x, y) != wanted);
            inputs[i] = [(x / rBig - 1) * 2, (y / rBig - 1) * 2];
            targets[i] = wanted;
        }
        return new Dataset("yinyang", inputs, targets).Split(0.8, 0.1);

        static int YinYangClass(double x, double y)
        {
            double dRight = Math.Sqrt((x - 1.5 * rBig) * (x - 1.5 * rBig) + (y - rBig) * (y - rBig));
            double dLeft = Math.Sqrt((x - 0.5 * rBig) * (x - 0.5 * rBig) + (y - rBig) * (y - rBig));
            if (dRight < rSmall || dLeft < rSmall) return 2;
            bool yin = dRight <= rSmall || (dLeft > rSmall && dLeft <= 0.5 * rBig) || (y > rBig && dRight > 0.5 * rBig);
            return yin ? 0 : 1;
        }
    }

    /// <summary>A built-in dataset with the presets' sizes: "tiny" (all for training), "moons" (100 points, noise
    /// 0.1), "yinyang" (100 points) drawn from <paramref name="rng"/>; a shipped one split by
    /// <see cref="ShuffleSplit"/> with its own fixed seed.</summary>
    /// <exception cref="ArgumentException">For a name not in <see cref="Names"/>.</exception>
    public static DatasetSplits ByName(string name, Rng rng)
    {
        string key = name.ToLowerInvariant();
        foreach (var (drawn, draw) in Drawn)
            if (drawn == key) return draw(rng);
        return ShippedFiles.Names.Contains(key)
            ? ShuffleSplit(Shipped(key))
            : throw new ArgumentException($"Expected a dataset name ({string.Join(", ", Names)}) or a CSV file, got '{name}'.", nameof(name));
    }

    /// <summary>Any dataset, in one call. <paramref name="source"/> is, in this order (<see cref="SourceOf"/>): a
    /// built-in name (<see cref="ByName"/>); a folder of MNIST's IDX files (<see cref="Mnist.LoadFolder"/>); an IDX
    /// images file with "idx3-ubyte" in its name, gzipped or not, labels beside it, split by <see cref="ShuffleSplit"/>;
    /// else a CSV file, all for training, whose column <paramref name="labelColumn"/> (CSV only) holds the targets.
    /// Only drawn datasets draw from <paramref name="rng"/>; the rest split with <see cref="SplitSeed"/>.</summary>
    /// <exception cref="ArgumentException">For a label column with anything but a CSV file, none with a CSV file,
    /// or an IDX labels file given where its images file is expected.</exception>
    /// <exception cref="FileNotFoundException">When <paramref name="source"/> is neither a built-in name nor a file
    /// or folder, when a folder holds no MNIST training files, or when an images file has no labels beside it.</exception>
    /// <exception cref="CsvFormatException">For a malformed or oversized CSV file, with its path and line.</exception>
    /// <exception cref="IdxFormatException">For a bad IDX file, or labels that do not number one per image,
    /// with its path.</exception>
    public static DatasetSplits Load(string source, string? labelColumn, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(source);
        var kind = SourceOf(source);
        if (kind != DataSource.Csv && labelColumn is not null)
        {
            string what = kind == DataSource.BuiltIn ? $"the built-in dataset '{source}'" : $"the IDX data '{source}'";
            throw new ArgumentException($"Expected no label column for {what}, got '{labelColumn}': only a CSV file has columns to choose from.");
        }
        switch (kind)
        {
            case DataSource.BuiltIn:
                return ByName(source, rng);
            case DataSource.IdxFolder:
                return Mnist.LoadFolder(source);
            case DataSource.Idx:
                if (!Path.GetFileName(source).Contains("idx3", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"Expected an IDX images file (idx3-ubyte), whose labels are found beside it, got the labels file '{source}'.");
                return ShuffleSplit(Mnist.Load(source));
        }
        if (!File.Exists(source))
            throw new FileNotFoundException(
                $"Expected a CSV file, an IDX images file, a folder of MNIST files or one of {string.Join(", ", Names)}, got '{source}', which does not exist.", source);
        if (labelColumn is null)
            throw new ArgumentException($"Expected a label column, the one that holds the target, for the CSV dataset '{source}'.");
        return TrainOnly(Csv.Load(source, labelColumn));
    }

    /// <summary>What <see cref="Load"/> takes <paramref name="source"/> for, from its name alone: a name in
    /// <see cref="Names"/> (any case); an existing folder of IDX files; a file name containing "idx3-ubyte" or
    /// "idx1-ubyte" (any case); else a CSV file, existing or not.</summary>
    public static DataSource SourceOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Names.Contains(source.ToLowerInvariant())) return DataSource.BuiltIn;
        if (Directory.Exists(source)) return DataSource.IdxFolder;
        string name = Path.GetFileName(source);
        return name.Contains("idx3-ubyte", StringComparison.OrdinalIgnoreCase) || name.Contains("idx1-ubyte", StringComparison.OrdinalIgnoreCase)
            ? DataSource.Idx
            : DataSource.Csv;
    }

    public static DatasetSplits TrainOnly(Dataset data) => new(data, data.Slice(0, 0), data.Slice(0, 0));

    // numpy.linspace: start + i * step, with the last point exactly at stop.
    private static IEnumerable<double> Linspace(double start, double stop, int count)
    {
        if (count == 1) { yield return start; yield break; }
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count - 1; i++) yield return start + i * step;
        yield return stop;
    }
}

public enum DataSource
{
    BuiltIn,

    IdxFolder,

    Idx,

    Csv,
}
