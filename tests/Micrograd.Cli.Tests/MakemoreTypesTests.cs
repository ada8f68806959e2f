using System.Globalization;
using Micrograd.Cli.Makemore;
using Micrograd.Language;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>Every --type runs at makemore's defaults, prints makemore's parameter count, and learns a little in
/// a few steps; --sample-only, --resume, --precision and Ctrl+C.</summary>
public class MakemoreTypesTests
{
    // At makemore's sizes, on the first 60 shipped names: evaluating 21 batches of 100 names at every size would
    // take a Debug build half a minute. The counts at the defaults on all the names are makemore's: see the
    // library's LanguageModelTests, against fixtures/makemore_golden.json, and MakemoreTests for the bigram here.
    [Theory]
    [InlineData("bigram")]
    [InlineData("mlp")]
    [InlineData("rnn")]
    [InlineData("gru")]
    [InlineData("bow")]
    [InlineData("transformer")]
    public void Each_type_runs_saves_and_prints_its_parameter_count(string type)
    {
        using var folder = new TempFolder();
        var names = Words.ShippedNames().Take(60).ToArray();
        File.WriteAllLines(folder.File("names.txt"), names);
        var result = CliRunner.Run("makemore", "--type", type, "--max-steps", "3", "-i", folder.File("names.txt"), "-o", folder.File("work"));
        Assert.True(result.ExitCode == 0, result.Err);

        Assert.True(LanguageModels.TryParse(type, out var kind));
        var vocabulary = Vocabulary.Of(names);
        var expected = LanguageModels.Create<float>(kind, new ModelConfig(vocabulary.Size, names.Max(n => n.Length) + 1), new Micrograd.Data.Rng(1));
        Assert.Contains($"model #params: {expected.ParameterCount}", result.OutLines);
        Assert.Equal(type == "transformer", result.OutLines.Any(l => l.StartsWith("number of parameters: ", StringComparison.Ordinal)));
        Assert.Single(result.OutLines, l => l.StartsWith("step 0 | loss ", StringComparison.Ordinal));
        Assert.Single(result.OutLines, l => l.StartsWith("step 2 train loss: ", StringComparison.Ordinal)); // the last step, evaluated
        var file = ModelFile.Load(folder.File("work/" + MakemoreTargets.ModelFileName));
        var (model, notes) = (file.ToModule<float>(), file.Notes);
        Assert.Equal(type, LanguageModels.Name(LanguageModels.TypeOf((LanguageModel<float>)model)));
        Assert.Equal(vocabulary.ToString(), notes["vocabulary"]);
    }

    [Fact]
    public void Sample_only_prints_50_words_from_the_saved_model_reproducibly_and_writes_nothing()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRunner.Run("makemore", "--type", "bigram", "--max-steps", "600", "-o", folder.Path).ExitCode);
        var before = Directory.GetFiles(folder.Path).ToDictionary(f => f, File.ReadAllBytes);
        var a = CliRunner.Run("makemore", "--type", "bigram", "--sample-only", "-o", folder.Path);
        var b = CliRunner.Run("makemore", "--type", "bigram", "--sample-only", "-o", folder.Path);
        var c = CliRunner.Run("makemore", "--type", "bigram", "--sample-only", "--seed", "7", "-o", folder.Path);
        Assert.True(a.ExitCode == 0, a.Err);
        Assert.Contains("resuming from existing model in the workdir", a.OutLines);
        Assert.DoesNotContain(a.OutLines, l => l.StartsWith("step ", StringComparison.Ordinal));
        int counted = a.OutLines.Where(l => l.Contains(" samples that are ", StringComparison.Ordinal)).Sum(l => int.Parse(l.Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.Equal(50, counted);
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, c.Out);
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void Resume_continues_from_the_saved_weights()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRunner.Run("makemore", "--type", "bigram", "--max-steps", "501", "-l", "0.05", "-o", folder.Path).ExitCode);
        var fresh = CliRunner.Run("makemore", "--type", "bigram", "--max-steps", "1", "-o", Path.Combine(folder.Path, "other"));
        var resumed = CliRunner.Run("makemore", "--type", "bigram", "--max-steps", "1", "--resume", "-o", folder.Path);
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        Assert.Contains("resuming from existing model in the workdir", resumed.OutLines);
        Assert.Contains("step 0 | loss 3.2958", fresh.Out);
        double first = double.Parse(resumed.OutLines.Single(l => l.StartsWith("step 0 |", StringComparison.Ordinal)).Split(' ')[4], CultureInfo.InvariantCulture);
        Assert.InRange(first, 2.0, 2.8);                            // where 500 steps at lr 0.05 had got to, not log(27)
    }

    [Fact]
    public void Float64_runs_and_saves_in_float64()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("makemore", "--type", "mlp", "--n-embd", "8", "--n-embd2", "16", "--max-steps", "2", "--precision", "float64", "--threads", "1", "-o", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(Micrograd.Training.Precision.Float64, ModelFile.Load(folder.File(MakemoreTargets.ModelFileName)).Precision);
    }

    [Fact]
    public void Ctrl_c_stops_a_run_without_end_evaluates_saves_and_exits_cleanly()
    {
        using var folder = new TempFolder();
        using var ctrlC = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var request = new MakemoreRequest { Type = ModelType.Bigram, WorkDir = folder.Path, MaxSteps = -1 };
        int code = MakemoreRun.Execute(new CliContext(stdout, stderr), request, ctrlC.Token, step => { if (step == 30) ctrlC.Cancel(); });
        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("step 30 | loss", stdout.ToString());
        Assert.DoesNotContain("step 31 |", stdout.ToString());
        Assert.Contains(lines, l => l.StartsWith("step 30 train loss: ", StringComparison.Ordinal));
        Assert.Contains("stopped by Ctrl+C after 31 steps", lines);
        Assert.True(File.Exists(folder.File(MakemoreTargets.ModelFileName)));
        Assert.True(File.Exists(folder.File(MakemoreTargets.LossFileName)));
        Assert.Equal("", stderr.ToString());
    }
}
