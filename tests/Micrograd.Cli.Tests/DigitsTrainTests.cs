using System.Globalization;
using Micrograd.Cli.Plots;
using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd train --preset digits</c>: the tensor engine on handwritten digits, its summary, its
/// three pictures, its model (a tensor MLP) and <c>predict</c> on image rows.</summary>
public class DigitsTrainTests(DigitsTrainFixture run) : IClassFixture<DigitsTrainFixture>
{
    private string Out(string file) => run.Folder.File(Path.Combine("out", file));

    [Fact]
    public void The_summary_says_what_ran_and_reaches_97_percent_on_validation()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Err);
        var lines = run.Result.OutLines;
        Assert.Equal("trained digits: MLP 64-128-10 (ReLU, Linear output), cross-entropy loss, adamw lr 0.003 decaying to 0.0003, 500 steps, batches of 64, seed 1337", lines[0]);
        Assert.Equal("  engine      tensor (float64): the digits preset's", lines[2]);
        var validation = Assert.Single(lines, l => l.StartsWith("  validation  loss", StringComparison.Ordinal));
        double accuracy = double.Parse(validation.Split("accuracy")[1].Trim().Split('%')[0], CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 97.0, validation);
        Assert.Contains("note: no decision-boundary plot: the data has 64 inputs, and the plot needs exactly 2.", lines);
        foreach (var file in new[] { "loss.png", "model.json", "confusion-matrix.png", "mistakes.png" })
            Assert.Contains($"wrote {Out(file)}", lines);
        Assert.False(File.Exists(Out("decision-boundary.png")));
    }

    [Fact]
    public void The_pictures_have_their_sizes_and_the_grid_one_row_per_ten_mistakes()
    {
        Assert.Equal((ConfusionMatrix.Width, ConfusionMatrix.Height), PngFile.Size(Out("confusion-matrix.png")));
        Assert.Equal((LossCurve.Width, LossCurve.Height), PngFile.Size(Out("loss.png")));
        var loaded = ModelFile.Load(Out("model.json"));
        var validation = Datasets.Load("digits", null, new Rng(1)).Validation;
        int wrong = Wrong(loaded, validation).Count;
        Assert.InRange(wrong, 1, 8); // at least 97% of 270 right
        Assert.Equal((MistakesGrid.Width, MistakesGrid.Height((wrong + 9) / 10)), PngFile.Size(Out("mistakes.png")));
    }

    [Fact]
    public void The_model_file_holds_the_tensor_MLP_and_predicts_as_it_was_scored()
    {
        var loaded = ModelFile.Load(Out("model.json"));
        Assert.Equal(NetworkKind.TensorMLP, loaded.Network);
        Assert.Equal(Precision.Float64, loaded.Precision);
        Assert.Equal("64-128-10 (ReLU, Linear output)", loaded.Weights.Shape);
        Assert.Equal("argmax", loaded.Notes["outputs"]);
        var validation = Datasets.Load("digits", null, new Rng(1)).Validation;
        string line = Assert.Single(run.Result.OutLines, l => l.StartsWith("  validation", StringComparison.Ordinal));
        double right = 1 - (double)Wrong(loaded, validation).Count / validation.Count;
        Assert.Contains($"accuracy {(right * 100).ToString("F1", CultureInfo.InvariantCulture) + "%",6}", line);
    }

    [Fact]
    public void The_log_has_every_step_and_the_validation_every_50()
    {
        var rows = File.ReadAllLines(run.Folder.File("log.csv"));
        Assert.Equal("step,train_loss,train_accuracy,val_loss,val_accuracy", rows[0]);
        Assert.Equal(501, rows.Length);
        var validated = rows.Skip(1).Where(r => r.Split(',')[3].Length > 0).Select(r => int.Parse(r.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => 50 * k), validated);
    }

    [Fact]
    public void Predict_reads_image_rows_from_a_csv_and_from_the_command_line()
    {
        var loaded = ModelFile.Load(Out("model.json"));
        var validation = Datasets.Load("digits", null, new Rng(1)).Validation;
        using var folder = new TempFolder();
        var header = string.Join(',', validation.InputNames.Append("digit"));
        var images = Enumerable.Range(0, 5).Select(i => string.Join(',', validation.Inputs[i].Append(validation.Targets[i]).Select(N)));
        File.WriteAllLines(folder.File("images.csv"), [header, .. images]);

        var result = CliRunner.Run("predict", "--model", Out("model.json"), "--input", folder.File("images.csv"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(string.Join(',', validation.InputNames) + "," + string.Join(',', Enumerable.Range(1, 10).Select(i => $"output{i}")) + ",class", result.OutLines[0]);
        var expected = loaded.Predict(validation.Inputs.Take(5).ToArray());
        for (int i = 0; i < 5; i++)
        {
            var fields = result.OutLines[i + 1].Split(',');
            Assert.Equal(expected[i].Select(N), fields[64..74]);
            Assert.Equal(OutputKinds.ArgMax(expected[i]).ToString(CultureInfo.InvariantCulture), fields[74]);
        }

        var one = CliRunner.Run(["predict", "--model", Out("model.json"), .. validation.Inputs[0].Select(N)]);
        Assert.True(one.ExitCode == 0, one.Err);
        Assert.Equal($"class     {OutputKinds.ArgMax(expected[0])}", one.OutLines[^1]);
    }

    private static List<int> Wrong(LoadedModel model, Dataset data)
    {
        var outputs = model.Predict(data.Inputs);
        return [.. Enumerable.Range(0, data.Count).Where(i => OutputKinds.ArgMax(outputs[i]) != (int)data.Targets[i])];
    }

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
