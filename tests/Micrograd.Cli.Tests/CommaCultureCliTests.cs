using System.Globalization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: the command reads and writes a dot for decimals whatever the machine's culture. The build sets
/// InvariantGlobalization, so the test makes a culture that writes 0,5 and sets it on its own thread, where the
/// command runs (Cli.Run is synchronous).
/// </summary>
public sealed class CommaCultureCliTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public CommaCultureCliTests()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.PercentDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        Assert.Equal("0,5", 0.5.ToString()); // in force
    }

    public void Dispose() => CultureInfo.CurrentCulture = _previous;

    [Fact]
    public void Train_and_predict_read_and_write_dots()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("d.csv"), ["a,b,y", .. Enumerable.Range(0, 40).Select(i => $"{(i * 0.05).ToString(CultureInfo.InvariantCulture)},{(1 - i * 0.05).ToString(CultureInfo.InvariantCulture)},{(i % 2 == 0 ? 1 : -1)}")]);

        var train = CliRunner.Run("train", "--dataset", folder.File("d.csv"), "--label", "y", "--lr", "0.5", "--steps", "5", "--out", folder.File("o"), "--log", folder.File("log.csv"));
        Assert.True(train.ExitCode == 0, train.Err);
        Assert.Contains("sgd lr 0.5 decaying to 0.05", train.OutLines[0]);
        Assert.Matches(@"^  train +loss [0-9]+\.[0-9]{4}  accuracy +[0-9]+\.[0-9]%  \(28 examples\)$", train.OutLines.Single(l => l.StartsWith("  train ", StringComparison.Ordinal)));
        Assert.All(File.ReadAllLines(folder.File("log.csv")).Skip(1), l => Assert.Matches(@"^[0-9]+,-?[0-9.E+-]+,[0-9.]+,", l));

        var predict = CliRunner.Run("predict", "--model", folder.File("o/model.json"), "0.25", "-0.5");
        Assert.True(predict.ExitCode == 0, predict.Err);
        Assert.Matches(@"^output  -?[0-9]+\.[0-9]+(E[+-][0-9]+)?$", predict.OutLines[0]);
    }

    [Fact]
    public void Grad_reads_and_writes_dots()
    {
        var result = CliRunner.Run("grad", "x*y", "x=0.5", "y=2.5");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(["f = x*y", "at x = 0.5, y = 2.5", "value  1.25"], result.OutLines[..3]);
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x", "x=0,5"), "expected a number for x, got '0,5'");
    }
}
