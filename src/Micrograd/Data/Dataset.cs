namespace Micrograd.Data;

/// <summary>
/// Examples for training: one row of input numbers and one target per example. What a target means depends
/// on the loss: a number to regress to (mean squared error), a label -1 or +1 (hinge loss), or a class index
/// 0, 1, 2, ... (cross-entropy).
/// </summary>
public sealed class Dataset
{
    private readonly double[][] _inputs;
    private readonly double[] _targets;

    /// <summary>A dataset of the given rows and targets.</summary>
    /// <param name="name">A short name for messages and plots.</param>
    /// <param name="inputs">One row per example, all of the same positive length.</param>
    /// <param name="targets">One target per example.</param>
    /// <param name="inputNames">Optional names of the input columns (from a CSV header).</param>
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

    /// <summary>A short name for messages and plots.</summary>
    public string Name { get; }

    /// <summary>The input rows.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Inputs => _inputs;

    /// <summary>The targets, one per row.</summary>
    public IReadOnlyList<double> Targets => _targets;

    /// <summary>The number of examples.</summary>
    public int Count => _targets.Length;

    /// <summary>The number of inputs per example.</summary>
    public int InputCount { get; }

    /// <summary>The names of the input columns ("x1", "x2", ... unless given).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The number of classes when the targets are class indices: the largest target plus one.</summary>
    public int ClassCount => _targets.Length == 0 ? 0 : (int)_targets.Max() + 1;

    /// <summary>The examples <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1.</summary>
    public Dataset Slice(int start, int count, string? name = null) =>
        new(name ?? Name, _inputs[start..(start + count)], _targets[start..(start + count)], InputNames);

    /// <summary>The examples at <paramref name="indices"/>, in that order.</summary>
    public Dataset Select(IReadOnlyList<int> indices, string? name = null) =>
        new(name ?? Name, indices.Select(i => _inputs[i]).ToArray(), indices.Select(i => _targets[i]).ToArray(), InputNames);

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

/// <summary>A dataset cut into training, validation and test parts.</summary>
/// <param name="Train">What the model learns from.</param>
/// <param name="Validation">Watched during training, never learned from.</param>
/// <param name="Test">Kept aside for a final, honest measure.</param>
public sealed record DatasetSplits(Dataset Train, Dataset Validation, Dataset Test);
