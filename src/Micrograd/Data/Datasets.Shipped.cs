namespace Micrograd.Data;

public static partial class Datasets
{
    /// <summary>Splits the shipped datasets and IDX files the same way whatever the training seed, so that
    /// validation accuracies compare across runs; not chosen for any result.</summary>
    public const ulong SplitSeed = Rng.DefaultSeed;

    /// <summary>The share of a shipped dataset (or an IDX file without its own test part) kept for training.</summary>
    public const double TrainFraction = 0.7;

    /// <summary>The rest, also 15%, is for testing.</summary>
    public const double ValidationFraction = 0.15;

    /// <summary>From scikit-learn; sources and licences in src/Micrograd/Data/Shipped/README.md.</summary>
    public static IReadOnlyList<string> ShippedNames => ShippedFiles.Names;

    /// <summary>A shipped dataset whole, as scikit-learn's loader gives it.</summary>
    /// <exception cref="ArgumentException">For a name not in <see cref="ShippedNames"/>.</exception>
    public static Dataset Shipped(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.ToLowerInvariant();
        if (!ShippedFiles.Names.Contains(key))
            throw new ArgumentException($"Expected a shipped dataset ({string.Join(", ", ShippedFiles.Names)}), got '{name}'.", nameof(name));
        return ShippedFiles.Read(key);
    }

    /// <summary>scikit-learn's load_digits: 1,797 digits of 8 × 8 pixels 0..16, classes 0..9; split 1,257 / 270 /
    /// 270. Standardised, an MLP trained a little better than on pixels / 16 in a PyTorch trial.</summary>
    /// <param name="rng">Draws the shuffle; null for a new <see cref="Rng"/> seeded <see cref="SplitSeed"/>.</param>
    /// <param name="standardize">Each feature to mean 0 and standard deviation 1, measured on the training split
    /// (<see cref="Standardizer"/>); false keeps the file's numbers.</param>
    public static DatasetSplits Digits(Rng? rng = null, bool standardize = false) => ShuffleSplit(Shipped("digits"), rng, standardize);

    /// <summary>scikit-learn's load_iris: 150 flowers, 4 measures in cm, 3 classes of 50; split 105 / 22 / 23.</summary>
    /// <inheritdoc cref="Digits" path="/param"/>
    public static DatasetSplits Iris(Rng? rng = null, bool standardize = false) => ShuffleSplit(Shipped("iris"), rng, standardize);

    /// <summary>scikit-learn's load_wine: 178 wines, 13 chemical measures of very different scales (proline
    /// near 1,000, hue near 1), classes class_0, class_1, class_2; split 124 / 27 / 27.</summary>
    /// <inheritdoc cref="Digits" path="/param"/>
    public static DatasetSplits Wine(Rng? rng = null, bool standardize = false) => ShuffleSplit(Shipped("wine"), rng, standardize);

    /// <summary>scikit-learn's load_breast_cancer: 569 tumours, 30 measures of cell nuclei, classes malignant (0)
    /// and benign (1); split 398 / 85 / 86.</summary>
    /// <inheritdoc cref="Digits" path="/param"/>
    public static DatasetSplits BreastCancer(Rng? rng = null, bool standardize = false) => ShuffleSplit(Shipped("breast-cancer"), rng, standardize);

    /// <summary>The split of the shipped datasets and of IDX files without a test part, as tools/reference/mgref.py's
    /// <c>shuffle_split</c>: <see cref="Dataset.Shuffle"/>, then <see cref="Dataset.Split"/>(<see cref="TrainFraction"/>,
    /// <see cref="ValidationFraction"/>), then, if asked, <see cref="Standardizer"/> fitted on the training part.</summary>
    /// <inheritdoc cref="Digits" path="/param"/>
    public static DatasetSplits ShuffleSplit(Dataset data, Rng? rng = null, bool standardize = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var splits = data.Shuffle(rng ?? new Rng(SplitSeed)).Split(TrainFraction, ValidationFraction);
        return standardize ? Standardizer.Standardize(splits) : splits;
    }
}
