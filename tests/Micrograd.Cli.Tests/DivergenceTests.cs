using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: a run whose loss or weights become NaN or infinite used to exit 0 and write a model of NaN
/// weights over a good one (a model the tool itself then refused). It now fails in one line that names the
/// step and what to try, exits 1, and leaves every earlier output as it was.
/// </summary>
public class DivergenceTests
{
    private static Dictionary<string, byte[]> Snapshot(TempFolder folder) =>
        Directory.GetFiles(folder.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void A_diverging_run_fails_names_the_step_and_keeps_the_earlier_outputs()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRunner.Run("train", "--steps", "3", "--out", folder.Path, "--quiet").ExitCode);
        var before = Snapshot(folder);

        var result = CliRunner.Run("train", "--lr", "1e300", "--steps", "50", "--out", folder.Path, "--log", folder.File("log.csv"));

        // The same run through the library, step by step: the first step whose loss is not finite.
        var trainer = new Trainer(Presets.Moons with { LearningRate = 1e300, Steps = 50 });
        int bad = trainer.Run().ToList().FindIndex(r => !double.IsFinite(r.TrainLoss));
        Assert.True(bad > 0, "the run was meant to diverge after its first update");
        CliRunner.AssertBadInput(result, "training diverged", $"at step {bad + 1} of 50 (finite until step {bad})",
            "learning rate (1E+300) is probably too large", "--lr 1E+299", "Nothing was written");
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Data_too_large_for_the_network_fails_at_step_1_and_says_to_scale_it()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("big.csv"), ["a,b,y", "1.7e308,-1.7e308,1", "-1.7e308,1.7e308,-1", "0,0,1"]);
        var result = CliRunner.Run("train", "--dataset", folder.File("big.csv"), "--label", "y", "--out", folder.File("out"));
        CliRunner.AssertBadInput(result, "at step 1 of 100, before any update", "the largest in size is 1.7E+308", "scale the inputs and targets");
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void A_run_stops_at_the_step_that_diverged()
    {
        // A million steps would take minutes; the run ends at the first loss that is not finite.
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--lr", "1e300", "--steps", "1000000", "--out", folder.File("out"));
        CliRunner.AssertBadInput(result, "of 1000000");
        Assert.False(Directory.Exists(folder.File("out")));
    }
}
