using System.Globalization;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd predict</c> with saved models, which it runs on the tensor engine in their precision.</summary>
public class PredictTests
{
    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    // The outputs the tensor engine gives for one input; they agree with the MLP of Values to rounding.
    private static double[] Tensor(MLP model, params double[] x)
    {
        var y = MlpWeights.Of(model).ToTensorMLP<double>().Forward(Micrograd.Tensors.Tensor<double>.FromArray(x, [1, x.Length])).ToArray();
        var scalar = model.Forward(x).Select(v => v.Data).ToArray();
        for (int i = 0; i < y.Length; i++) Assert.Equal(scalar[i], y[i], 1e-12);
        return y;
    }

    private static MLP SaveModel(TempFolder folder, string name, int outputs, string kind)
    {
        var model = new MLP(2, [4, outputs], Activation.Tanh, rng: new Rng(5));
        ModelFile.Save(model, folder.File(name), new Dictionary<string, string> { ["inputs"] = "x1,x2", ["outputs"] = kind });
        return model;
    }

    [Fact]
    public void Round_trip_prints_the_models_output_and_sign_label()
    {
        using var folder = new TempFolder();
        var model = SaveModel(folder, "m.json", 1, "sign");
        foreach (var (a, b) in new[] { (0.5, -0.3), (-1.5, 2.0), (2.0, 1.0) })
        {
            var result = CliRunner.Run("predict", "--model", folder.File("m.json"), N(a), N(b));
            Assert.True(result.ExitCode == 0, result.Err);
            double expected = Tensor(model, a, b)[0];
            Assert.Equal(["output  " + N(expected), "class   " + (expected > 0 ? "+1" : "-1")], result.OutLines);
        }
    }

    [Fact]
    public void Classes_are_the_largest_output()
    {
        using var folder = new TempFolder();
        var model = SaveModel(folder, "m.json", 3, "argmax");
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "0.25", "0.75");
        Assert.Equal(0, result.ExitCode);
        var y = Tensor(model, 0.25, 0.75);
        Assert.Equal([
            "output1  " + N(y[0]), "output2  " + N(y[1]), "output3  " + N(y[2]),
            "class    " + Array.IndexOf(y, y.Max()),
        ], result.OutLines);
    }

    [Fact]
    public void Csv_input_picks_the_models_columns_by_name()
    {
        using var folder = new TempFolder();
        var model = SaveModel(folder, "m.json", 1, "sign");
        File.WriteAllLines(folder.File("points.csv"), ["label,x2,x1", "1,0.5,-0.3", "-1,2,1.5"]);
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("points.csv"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal("x1,x2,output,class", result.OutLines[0]);
        var y1 = Tensor(model, -0.3, 0.5)[0];
        Assert.Equal($"-0.3,0.5,{N(y1)},{(y1 > 0 ? "+1" : "-1")}", result.OutLines[1]);
        Assert.Equal(3, result.OutLines.Length);
    }

    [Fact]
    public void Model_from_train_predicts_what_it_learned()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRunner.Run("train", "--preset", "lecture", "--out", folder.Path, "--quiet").ExitCode);
        // The lecture's first example (2, 3, -1) has target +1.
        var result = CliRunner.Run("predict", "--model", folder.File("model.json"), "2", "3", "-1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("class   +1", result.OutLines[1]);
    }

    [Theory]
    [InlineData(new[] { "1" }, "expected 2 inputs for the model (x1, x2), got 1")]
    [InlineData(new[] { "1", "2", "3" }, "expected 2 inputs for the model (x1, x2), got 3")]
    [InlineData(new[] { "1", "abc" }, "expected a number for input 2 (x2), got 'abc'")]
    [InlineData(new[] { "1", "--bogus" }, "unknown option '--bogus'")]
    public void Wrong_inputs_are_explained(string[] inputs, string mention)
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", 1, "sign");
        CliRunner.AssertBadInput(CliRunner.Run(["predict", "--model", folder.File("m.json"), .. inputs]), mention);
    }

    [Theory]
    [InlineData("{ \"format\": ")]
    [InlineData("{ \"format\": \"something-else\", \"version\": 1 }")]
    [InlineData("")]
    [InlineData("{ \"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [ { \"size\": 1, \"activation\": \"relu\", \"weights\": [[1]], \"biases\": [0] } ] }")]
    public void Corrupt_model_is_one_line(string json)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.json"), json);
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("bad.json"), "1", "2"), "bad.json");
    }

    [Fact]
    public void Missing_model_is_one_line() =>
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", "no/such/model.json", "1", "2"), "--model", "does not exist");

    [Fact]
    public void Model_option_is_required() =>
        CliRunner.AssertBadInput(CliRunner.Run("predict", "1", "2"), "--model");

    [Fact]
    public void Csv_missing_a_model_input_names_it()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", 1, "sign");
        File.WriteAllLines(folder.File("p.csv"), ["x1,y", "1,2"]);
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("p.csv")), "p.csv", "'x2'");
    }

    [Fact]
    public void Malformed_input_csv_names_line_and_column()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", 1, "sign");
        File.WriteAllLines(folder.File("p.csv"), ["x1,x2", "1,2", "3,four"]);
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("p.csv")), "line 3", "column 2", "'four'");
    }
}
