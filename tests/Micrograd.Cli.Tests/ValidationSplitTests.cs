using System.Globalization;
using Micrograd.Cli.Train;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: a second, independent check that the numbers called "validation" are measured on the validation
/// split and not on the test split (a mutation that swapped them was caught by one test only). The losses are
/// recomputed here by hand, as the mean of log-sum-exp minus the target's logit, from the network's weights.
/// </summary>
public class ValidationSplitTests
{
    private static double CrossEntropy(MlpWeights weights, Dataset split)
    {
        var model = weights.ToMLP();
        double total = 0;
        for (int i = 0; i < split.Count; i++)
        {
            var logits = model.Forward(split.Inputs[i]).Select(v => v.Data).ToArray();
            double max = logits.Max();
            total += max + Math.Log(logits.Sum(z => Math.Exp(z - max))) - logits[(int)split.Targets[i]];
        }
        return total / split.Count;
    }

    private static string F4(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    [Fact]
    public void The_summarys_validation_line_is_the_saved_models_loss_on_the_validation_split()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", "iris", "--steps", "20", "--out", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);

        var splits = Datasets.Iris();
        var weights = ModelFile.Load(folder.File("model.json")).Weights;
        string validation = F4(CrossEntropy(weights, splits.Validation)), test = F4(CrossEntropy(weights, splits.Test));
        Assert.NotEqual(validation, test); // else the check could not tell them apart

        Assert.StartsWith($"  validation  loss {validation}  ", result.OutLines.Single(l => l.StartsWith("  validation", StringComparison.Ordinal)));
        Assert.StartsWith($"  test        loss {test}  ", result.OutLines.Single(l => l.StartsWith("  test", StringComparison.Ordinal)));
        Assert.EndsWith($"({splits.Validation.Count} examples)", result.OutLines.Single(l => l.StartsWith("  validation", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_logs_validation_loss_is_the_networks_loss_on_the_validation_split_at_that_step()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", "iris", "--steps", "11", "--out", folder.File("o"), "--log", folder.File("log.csv"), "--quiet");
        Assert.True(result.ExitCode == 0, result.Err);
        var logged = File.ReadAllLines(folder.File("log.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[3].Length > 0).ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[3], CultureInfo.InvariantCulture));
        Assert.Equal([0, 10], logged.Keys);

        // The same run through the library, up to step 10's update: validation is measured before it.
        var plan = TrainPlan.From(new TrainRequest { Dataset = "iris", Steps = 11 });
        var rng = new Rng(plan.Seed);
        var data = Datasets.Load("iris", null, rng);
        var trainer = new Trainer(plan.Settings(data).Config, data, rng);
        for (int k = 0; k < 10; k++) trainer.Step();
        var weights = trainer.Weights();

        double validation = CrossEntropy(weights, data.Validation), test = CrossEntropy(weights, data.Test);
        Assert.True(Math.Abs(validation - test) > 1e-3, "the check could not tell the splits apart");
        Assert.Equal(validation, logged[10], 1e-12);
    }
}
