namespace Micrograd.Data;

/// <summary>scikit-learn's StandardScaler: x' = (x - mean) / scale, the mean and population standard deviation
/// (over n, not n - 1) measured on the training split only, so nothing of the other splits leaks into training.
/// A feature constant in training gets scale 1, so it becomes 0 instead of NaN.</summary>
/// <remarks>Sums run row after row, as tools/reference/mgref.py's <c>standardize</c> does, to the same bits.</remarks>
public sealed class Standardizer
{
    private readonly double[] _means;
    private readonly double[] _scales;

    private Standardizer(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    public IReadOnlyList<double> Means => _means;

    /// <summary>1 where the standard deviation is 0.</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <exception cref="ArgumentException">For a dataset with no examples.</exception>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0) throw new ArgumentException($"Expected training examples to measure, got none in '{train.Name}'.", nameof(train));
        int n = train.Count, width = train.InputCount;
        var means = new double[width];
        var scales = new double[width];
        foreach (var row in train.Inputs)
            for (int j = 0; j < width; j++) means[j] += row[j];
        for (int j = 0; j < width; j++) means[j] /= n;
        foreach (var row in train.Inputs)
            for (int j = 0; j < width; j++) scales[j] += (row[j] - means[j]) * (row[j] - means[j]);
        for (int j = 0; j < width; j++)
        {
            double std = Math.Sqrt(scales[j] / n);
            scales[j] = std == 0 ? 1 : std;
        }
        return new Standardizer(means, scales);
    }

    /// <exception cref="ArgumentException">For a row of another width than the training data's.</exception>
    public double[] Apply(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count != _means.Length)
            throw new ArgumentException($"Expected {_means.Length} features, got {row.Count}.", nameof(row));
        var result = new double[row.Count];
        for (int j = 0; j < result.Length; j++) result[j] = (row[j] - _means[j]) / _scales[j];
        return result;
    }

    /// <exception cref="ArgumentException">For a dataset of another width than the training data's.</exception>
    public Dataset Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.InputCount != _means.Length)
            throw new ArgumentException($"Expected {_means.Length} features, got {data.InputCount} in '{data.Name}'.", nameof(data));
        return data.WithInputs(data.Inputs.Select(Apply).ToArray());
    }

    /// <summary>Fits on the training part, applies to all three.</summary>
    public static DatasetSplits Standardize(DatasetSplits splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var standardizer = Fit(splits.Train);
        return new DatasetSplits(standardizer.Apply(splits.Train), standardizer.Apply(splits.Validation), standardizer.Apply(splits.Test));
    }
}
