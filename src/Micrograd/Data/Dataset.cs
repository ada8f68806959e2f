namespace Micrograd.Data;

/// <summary>One row of inputs and one target per example: a number to regress to, a label -1 or +1 (hinge
/// loss) or a class index 0, 1, 2, ... (cross-entropy).</summary>
public sealed class Dataset
{
    private readonly double[][] _inputs;
    private readonly double[] _targets;

    /// <summary>The rows are copied; <paramref name="inputNames"/> default to x1, x2, ...</summary>
    /// <exception cref="ArgumentException">When the rows are ragged or the counts differ.</exception>
    public Dataset(string name, IReadOnlyList<IReadOnlyList<double>> inputs, IReadOnlyList<double> targets, IReadOnlyList<string>? inputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count != targets.Count)
            throw new ArgumentException($"Expected one target per input row: {inputs.Count} rows but {targets.Count} targets.", nameof(targets));
        int width = inputs.Count == 0 ? inputNames?.Count ?? 0 : inputs[0].Count;
        for (int i = 0; i < inputs.Count; i++)
            if (inputs[i].Count != width)
                throw new ArgumentException($"Expected every row to have {width} inputs, but row {i + 1} has {inputs[i].Count}.", nameof(inputs));
        if (inputNames is not null && inputNames.Count != width)
            throw new ArgumentException($"Expected {width} input names, got {inputNames.Count}.", nameof(inputNames));

        Name = name;
        _inputs = inputs.Select(r => r.ToArray()).ToArray();
        _targets = targets.ToArray();
        InputCount = width;
        InputNames = inputNames?.ToArray() ?? Enumerable.Range(1, width).Select(i => $"x{i}").ToArray();
    }

    // No copy: rows are already checked, or shared with another Dataset (none writes to its rows).
    private Dataset(string name, double[][] inputs, double[] targets, IReadOnlyList<string> inputNames,
        IReadOnlyList<string>? classNames, ImageSize? imageSize)
    {
        Name = name;
        _inputs = inputs;
        _targets = targets;
        InputCount = inputNames.Count;
        InputNames = inputNames;
        ClassNames = classNames;
        ImageSize = imageSize;
    }

    public string Name { get; }

    public IReadOnlyList<IReadOnlyList<double>> Inputs => _inputs;

    public IReadOnlyList<double> Targets => _targets;

    public int Count => _targets.Length;

    public int InputCount { get; }

    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The largest target plus one, when the targets are class indices.</summary>
    public int ClassCount => _targets.Length == 0 ? 0 : (int)_targets.Max() + 1;

    /// <summary>By class index, where the source names them; null otherwise. Kept by every part cut from this.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Set when every input row is an image, row after row; null otherwise. Kept by every part cut
    /// from this.</summary>
    public ImageSize? ImageSize { get; init; }

    public Dataset Slice(int start, int count, string? name = null) =>
        Like(name ?? Name, _inputs[start..(start + count)], _targets[start..(start + count)]);

    public Dataset Select(IReadOnlyList<int> indices, string? name = null) =>
        Like(name ?? Name, indices.Select(i => _inputs[i]).ToArray(), indices.Select(i => _targets[i]).ToArray());

    /// <summary>The indices 0 .. Count - 1 shuffled by <see cref="Rng.Shuffle{T}"/>, then <see cref="Select"/>.</summary>
    public Dataset Shuffle(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var order = Enumerable.Range(0, Count).ToArray();
        rng.Shuffle(order);
        return Select(order);
    }

    /// <summary>Other inputs, taken without copying; names, class names and image size kept.</summary>
    internal Dataset WithInputs(double[][] inputs) => Like(Name, inputs, _targets);

    /// <summary>Takes the arrays without copying, for loaders that checked every row's width.</summary>
    internal static Dataset Own(string name, double[][] inputs, double[] targets, IReadOnlyList<string> inputNames,
        IReadOnlyList<string>? classNames = null, ImageSize? imageSize = null) =>
        new(name, inputs, targets, inputNames, classNames, imageSize);

    private Dataset Like(string name, double[][] inputs, double[] targets) => new(name, inputs, targets, InputNames, ClassNames, ImageSize);

    /// <summary>Splits in order: the first <paramref name="trainFraction"/> for training, the next
    /// <paramref name="validationFraction"/> for validation, the rest for testing.</summary>
    public DatasetSplits Split(double trainFraction = 0.8, double validationFraction = 0.1)
    {
        if (!(trainFraction > 0) || !(validationFraction >= 0) || trainFraction + validationFraction > 1)
            throw new ArgumentOutOfRangeException(nameof(trainFraction),
                $"Expected fractions with 0 < train and 0 <= validation and train + validation <= 1, got {trainFraction} and {validationFraction}.");
        int nTrain = (int)(trainFraction * Count);
        int nVal = (int)((trainFraction + validationFraction) * Count) - nTrain;
        return new DatasetSplits(
            Slice(0, nTrain),
            Slice(nTrain, nVal),
            Slice(nTrain + nVal, Count - nTrain - nVal));
    }
}

public readonly record struct ImageSize(int Rows, int Columns);

/// <summary>Validation is watched during training, never learned from; test is kept aside for a final measure.</summary>
public sealed record DatasetSplits(Dataset Train, Dataset Validation, Dataset Test);
