using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary><c>train</c> with presets, datasets and options other than the default.</summary>
public class TrainOptionsTests
{
    [Fact]
    public void Yinyang_preset_reports_validation_and_test_and_logs_validation_every_10_steps()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--preset", "yinyang", "--out", folder.Path, "--log", folder.File("log.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.TrimStart().StartsWith("validation", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.TrimStart().StartsWith("test", StringComparison.Ordinal));

        var rows = File.ReadAllLines(folder.File("log.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(100, rows.Length);
        for (int step = 0; step < rows.Length; step++)
            Assert.Equal(step % 10 == 0, rows[step][3] != "" && rows[step][4] != "");
        Assert.Equal("argmax", ModelFile.Load(folder.File("model.json")).Notes["outputs"]);
    }

    [Fact]
    public void Lecture_preset_skips_the_decision_boundary_for_three_inputs_with_a_note()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--preset", "lecture", "--out", folder.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no decision-boundary plot: the data has 3 inputs", result.Out);
        Assert.False(File.Exists(folder.File("decision-boundary.png")));
        Assert.True(File.Exists(folder.File("loss.png")));
    }

    [Fact]
    public void Options_override_the_preset()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--layers", "8,1", "--activation", "tanh", "--optimizer", "adamw", "--lr", "0.05",
            "--steps", "7", "--batch-size", "20", "--seed", "7", "--out", folder.Path, "--log", folder.File("log.csv"));
        Assert.Equal(0, result.ExitCode);
        var loaded = ModelFile.Load(folder.File("model.json"));
        Assert.Equal("2-8-1 (Tanh, Linear output)", ModelFile.Shape(loaded.Model));
        Assert.Equal("7", loaded.Notes["steps"]);
        Assert.Equal("7", loaded.Notes["seed"]);
        Assert.Equal(8, File.ReadAllLines(folder.File("log.csv")).Length);
        Assert.Contains("adamw lr 0.05", result.Out);
        Assert.Contains("batches of 20", result.Out);
    }

    [Theory]
    [InlineData("1,-1", "hinge", "sign")]
    [InlineData("0,1,2", "cross-entropy", "argmax")]
    [InlineData("0.5,2.5,-1.25", "mse", "value")]
    public void Csv_dataset_defaults_follow_the_targets(string labels, string loss, string outputs)
    {
        using var folder = new TempFolder();
        var targets = labels.Split(',');
        var lines = new List<string> { "a,b,y" };
        for (int i = 0; i < 12; i++) lines.Add($"{i * 0.1:0.0},{1 - i * 0.1:0.0},{targets[i % targets.Length]}");
        File.WriteAllLines(folder.File("data.csv"), lines);

        var result = CliRunner.Run("train", "--dataset", folder.File("data.csv"), "--label", "y", "--steps", "3", "--out", folder.File("out"));
        Assert.True(result.ExitCode == 0, result.Err);
        var notes = ModelFile.Load(folder.File("out/model.json")).Notes;
        Assert.Equal(loss, notes["loss"]);
        Assert.Equal(outputs, notes["outputs"]);
        Assert.Equal("y", notes["label"]);
        Assert.Equal("a,b", notes["inputs"]);
        Assert.Equal((Plots.DecisionBoundary.Width, Plots.DecisionBoundary.Height), PngFile.Size(folder.File("out/decision-boundary.png")));
    }

    [Theory]
    [InlineData("1,-1")]
    [InlineData("0.5,2.5,-1.25")]
    public void Diverging_run_fails_and_writes_nothing(string labels)
    {
        // Issue 21: a classifier and a regression alike (it used to write the NaN model with a warning).
        using var folder = new TempFolder();
        var targets = labels.Split(',');
        File.WriteAllLines(folder.File("data.csv"), ["a,b,y", .. Enumerable.Range(0, 10).Select(i => $"{i},{-i},{targets[i % targets.Length]}")]);
        var result = CliRunner.Run("train", "--dataset", folder.File("data.csv"), "--label", "y", "--lr", "1e300", "--steps", "3", "--out", folder.File("out"));
        CliRunner.AssertBadInput(result, "training diverged", "of 3", "--lr 1E+299");
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void Default_output_folder_is_named_after_the_preset()
    {
        Assert.Equal(Path.Combine("out", "moons"), Path.Combine("out", Train.TrainPlan.From(new Train.TrainRequest()).Name));
        Assert.Equal("yinyang", Train.TrainPlan.From(new Train.TrainRequest { Dataset = "yinyang" }).Name);
        Assert.Equal(Presets.YinYang.Layers, Train.TrainPlan.From(new Train.TrainRequest { Dataset = "yinyang" }).Preset!.Layers);
    }
}
