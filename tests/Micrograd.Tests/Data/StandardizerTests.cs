using Micrograd.Data;

namespace Micrograd.Tests.Data;

/// <summary>Standardizer's documented behaviour (no fixture; its numbers against scikit-learn are in
/// <see cref="ShippedDatasetTests"/>).</summary>
public class StandardizerTests
{
    private static readonly Dataset Train = new("t", [[1.0, 5.0, 10.0], [3.0, 5.0, 20.0], [5.0, 5.0, 60.0]], [0.0, 1.0, 0.0]);

    [Fact]
    public void Population_standard_deviation_and_scale_1_for_a_constant_feature()
    {
        var s = Standardizer.Fit(Train);
        Assert.Equal([3.0, 5.0, 30.0], s.Means);
        Assert.Equal([Math.Sqrt(8.0 / 3), 1.0, Math.Sqrt(1400.0 / 3)], s.Scales);
        Assert.Equal([(1 - 3) / Math.Sqrt(8.0 / 3), 0.0, (10 - 30) / Math.Sqrt(1400.0 / 3)], s.Apply([1.0, 5.0, 10.0]));
    }

    [Fact]
    public void Only_the_training_split_is_measured_and_every_split_is_moved_by_it()
    {
        var validation = new Dataset("v", [[100.0, 6.0, 30.0]], [1.0]);
        var splits = Standardizer.Standardize(new DatasetSplits(Train, validation, validation.Slice(0, 0)));
        Assert.Equal(Standardizer.Fit(Train).Apply([100.0, 6.0, 30.0]), splits.Validation.Inputs[0]);
        Assert.Equal(0, splits.Test.Count);
        Assert.Equal(Train.Targets, splits.Train.Targets);
        Assert.Equal(Train.InputNames, splits.Train.InputNames);
        Assert.Equal([1.0, 5.0, 10.0], Train.Inputs[0]); // the raw data is left as it was
    }

    [Fact]
    public void Another_width_and_an_empty_training_split_are_refused()
    {
        var s = Standardizer.Fit(Train);
        Assert.Contains("Expected 3 features, got 2", Assert.Throws<ArgumentException>(() => s.Apply([1.0, 2.0])).Message);
        Assert.Throws<ArgumentException>(() => s.Apply(new Dataset("w", [[1.0]], [0.0])));
        Assert.Contains("got none", Assert.Throws<ArgumentException>(() => Standardizer.Fit(Train.Slice(0, 0))).Message);
    }
}
