using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Input a careless or hostile user might give <c>train</c> and <c>predict</c> (issue 9, items 5, 6 and 8):
/// one clear line, the right exit code, quickly, and plots that survive any numbers.
/// </summary>
public class HostileInputTests
{
    [Fact]
    public void A_network_beyond_the_parameter_limit_is_refused_before_it_is_built()
    {
        var result = CliRunner.Run("train", "--layers", "100000,100000,1");
        CliRunner.AssertBadInput(result, "at most 1,000,000 parameters", "dynamic engine", "10,000,500,001", "layers 100000,100000,1");
    }

    [Fact]
    public void A_graph_beyond_the_parameters_times_examples_limit_is_refused()
    {
        var result = CliRunner.Run("train", "--layers", "300,300,1", "--engine", "tape");
        CliRunner.AssertBadInput(result, $"at most {EngineLimits.Of(EngineKind.Tape).ParametersTimesExamples:N0} parameters × examples", "91,501 × 100");
    }

    [Fact]
    public void Duplicate_column_names_are_refused_by_predict()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new MLP(2, [1]), folder.File("m.json"), new Dictionary<string, string> { ["inputs"] = "x1,x2" });
        File.WriteAllLines(folder.File("p.csv"), ["x1,x2,X1", "1,2,3"]);
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("p.csv"));
        CliRunner.AssertBadInput(result, "p.csv", "distinct column names", "'X1' in columns 1 and 3");
    }

    [Fact]
    public void Duplicate_column_names_are_refused_by_train()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("d.csv"), ["a,y,a", "1,1,2", "2,-1,3"]);
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", folder.File("d.csv"), "--label", "y", "--out", folder.File("o")), "d.csv", "distinct column names");
        Assert.False(Directory.Exists(folder.File("o")));
    }

    [Fact]
    public void A_multi_gigabyte_csv_is_refused_without_being_read()
    {
        using var folder = new TempFolder();
        using (var f = File.Create(folder.File("huge.csv"))) f.SetLength(3_000_000_000); // sparse: no disk used
        var result = CliRunner.Run("train", "--dataset", folder.File("huge.csv"), "--label", "y", "--out", folder.File("o"));
        CliRunner.AssertBadInput(result, "huge.csv", $"at most {Csv.MaxBytes:N0} bytes", "3,000,000,000");
    }

    // Plots draw any numbers, even those of a network that could not train on them (train itself refuses such
    // a run: see DivergenceTests).
    [Fact]
    public void Plots_survive_numbers_near_the_largest_double()
    {
        var data = new Dataset("big", [[1.7e308, -1.7e308], [-1.7e308, 1.7e308], [0, 0]], [1, -1, 1]);
        var trainer = new Trainer(Presets.Moons with { Steps = 2 }, Datasets.TrainOnly(data));
        var history = trainer.Run();
        Assert.Equal((Plots.DecisionBoundary.Width, Plots.DecisionBoundary.Height), PngFile.Size(Plots.DecisionBoundary.Render(trainer.Result(history), "big")));
        Assert.Equal((Plots.LossCurve.Width, Plots.LossCurve.Height), PngFile.Size(Plots.LossCurve.Render(history, "big")));
    }

    [Fact]
    public void Regression_plots_survive_targets_near_the_largest_double()
    {
        var data = new Dataset("big", [[1.7e308, 2], [2, -1.7e308], [0, 0], [1, 1]], [1.7e308, -1.7e308, 5, 1e308]);
        var trainer = new Trainer(new TrainingConfig { Layers = [16, 16, 1], Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.AdamW, LearningRate = 1e300, Steps = 2 },
            Datasets.TrainOnly(data));
        Assert.Equal((Plots.DecisionBoundary.Width, Plots.DecisionBoundary.Height), PngFile.Size(Plots.DecisionBoundary.Render(trainer.Train(), "big")));
    }

    [Theory]
    [InlineData(1.7e308)]
    [InlineData(-1.7e308)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void The_loss_curve_draws_any_loss(double loss)
    {
        StepRecord[] history = [new(0, 1.0, 0.5, 2.0, 0.5), new(1, loss, 1.0, loss, 1.0), new(2, double.MaxValue, null, null, null)];
        Assert.NotEmpty(Plots.LossCurve.Render(history, "test"));
    }

    [Fact]
    public void Messages_never_carry_dotnet_parameter_suffixes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("m.json"),
            """{ "format": "micrograd-mlp", "version": 1, "inputs": 2, "layers": [ { "size": 0, "activation": "linear", "weights": [], "biases": [] } ] }""");
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "1", "2");
        CliRunner.AssertBadInput(result, "m.json");
        Assert.DoesNotContain("(Parameter", result.Err);

        var (message, code) = ErrorReport.Describe(new InvalidDataException("wrapped: Expected at least 1, got 0. (Parameter 'nouts')\nActual value was 0."));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.DoesNotContain("(Parameter", message);
        Assert.DoesNotContain("Actual value", message);
    }

    [Fact]
    public void A_batch_larger_than_the_data_is_reported_as_the_full_batch()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--batch-size", "1000", "--steps", "2", "--out", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.DoesNotContain("batches of 1000", result.Out);
        Assert.Contains("full batch (a batch size of 1000 is more than the 100 examples)", result.Out);
    }

    [Fact]
    public void Examples_are_counted_from_1_in_messages()
    {
        var hinge = CliRunner.Run("train", "--dataset", "yinyang", "--loss", "hinge", "--layers", "8,1");
        CliRunner.AssertBadInput(hinge, "got 0 for example 1");
    }
}
