using Micrograd.Data;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: a user's CSV file was all training data, so "accuracy 100%" said nothing. It is now split as the
/// shipped datasets are (shuffled by a fixed seed, 70/15/15), and <c>--validation 0</c> keeps every row for training.
/// </summary>
public class CsvSplitTests
{
    private static string WriteCsv(TempFolder folder, int rows)
    {
        string path = folder.File("points.csv");
        File.WriteAllLines(path, ["a,b,y", .. Enumerable.Range(0, rows).Select(i => $"{Math.Sin(i) * 2:R},{Math.Cos(3 * i) * 2:R},{(Math.Sin(i) * Math.Cos(3 * i) > 0 ? 1 : -1)}")]);
        return path;
    }

    [Fact]
    public void A_csv_file_is_split_70_15_15_and_the_summary_reports_each_split()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", WriteCsv(folder, 100), "--label", "y", "--steps", "20", "--out", folder.File("o"), "--log", folder.File("log.csv"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Matches(@"^  train +loss [0-9.]+  accuracy +[0-9.]+%  \(70 examples\)$", result.OutLines.Single(l => l.StartsWith("  train ", StringComparison.Ordinal)));
        Assert.Matches(@"^  validation +loss [0-9.]+  accuracy +[0-9.]+%  \(15 examples\)$", result.OutLines.Single(l => l.StartsWith("  validation ", StringComparison.Ordinal)));
        Assert.Matches(@"^  test +loss [0-9.]+  accuracy +[0-9.]+%  \(15 examples\)$", result.OutLines.Single(l => l.StartsWith("  test ", StringComparison.Ordinal)));
        Assert.Contains(File.ReadAllLines(folder.File("log.csv")).Skip(1), l => l.Split(',')[3].Length > 0); // validation measured while training
    }

    [Fact]
    public void Validation_0_trains_on_every_row()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", WriteCsv(folder, 100), "--label", "y", "--steps", "2", "--validation", "0", "--out", folder.File("o"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains(result.OutLines, l => l.StartsWith("  train ", StringComparison.Ordinal) && l.EndsWith("(100 examples)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, l => l.StartsWith("  validation ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_split_is_the_shipped_datasets_split_whatever_the_seed()
    {
        var rows = Enumerable.Range(0, 100).Select(i => (IReadOnlyList<double>)[i, -i]).ToArray();
        var data = new Dataset("d", rows, Enumerable.Range(0, 100).Select(i => (double)i).ToArray());
        var split = Train.TrainRun.HoldOut(data, 0.15);
        var shipped = Datasets.ShuffleSplit(data);
        Assert.Equal(shipped.Train.Targets, split.Train.Targets);
        Assert.Equal(shipped.Validation.Targets, split.Validation.Targets);
        Assert.Equal(shipped.Test.Targets, split.Test.Targets);

        var tenth = Train.TrainRun.HoldOut(data, 0.1);
        Assert.Equal([80, 10, 10], new[] { tenth.Train.Count, tenth.Validation.Count, tenth.Test.Count });
        Assert.Equal(100, tenth.Train.Targets.Concat(tenth.Validation.Targets).Concat(tenth.Test.Targets).Distinct().Count());
    }

    [Theory]
    [InlineData("0.5", "--validation: expected a fraction from 0 to below 0.5, got '0.5'")]
    [InlineData("-0.1", "--validation: expected a fraction from 0 to below 0.5, got '-0.1'")]
    public void A_fraction_that_leaves_no_training_rows_is_refused(string fraction, string expected) =>
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", "x.csv", "--label", "y", "--validation", fraction), expected);

    [Fact]
    public void Validation_is_for_csv_files_only()
    {
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", "iris", "--validation", "0.2"), "--validation: only a CSV --dataset is split by this option; 'iris' is split as it comes");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--validation", "0.2"), "no --dataset was given");
    }
}
