using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: a model's <c>inputs</c> note (in a model file, or in an ONNX file's metadata) that names one input
/// twice made <c>predict --input</c> read one CSV column into two inputs. Such notes are refused wherever a
/// model is read, in one line naming the file.
/// </summary>
public class ModelInputNamesTests
{
    private static void SaveJson(TempFolder folder, string name, string inputs) =>
        ModelFile.Save(new MLP(2, [3, 1], rng: new Rng(3)), folder.File(name), new Dictionary<string, string> { ["inputs"] = inputs, ["outputs"] = "sign" });

    private static void SaveOnnx(TempFolder folder, string name, string inputs) =>
        OnnxFile.Save(new MLP(2, [3, 1], rng: new Rng(3)), folder.File(name), new OnnxExportOptions
        {
            Notes = new Dictionary<string, string> { ["inputs"] = inputs, ["outputs"] = "sign" },
        });

    [Theory]
    [InlineData("m.json", "x1,x1", "'x1' and 'x1' for inputs 1 and 2")]
    [InlineData("m.json", "X1,x1", "'X1' and 'x1' for inputs 1 and 2")]
    [InlineData("m.json", "x1, x1", "'x1' and 'x1' for inputs 1 and 2")]
    [InlineData("m.onnx", "x1,x1", "'x1' and 'x1' for inputs 1 and 2")]
    [InlineData("m.onnx", "X1,x1", "'X1' and 'x1' for inputs 1 and 2")]
    public void Repeated_input_names_are_refused_by_predict_with_a_csv(string model, string inputs, string mention)
    {
        using var folder = new TempFolder();
        if (model.EndsWith(".onnx", StringComparison.Ordinal)) SaveOnnx(folder, model, inputs);
        else SaveJson(folder, model, inputs);
        File.WriteAllLines(folder.File("p.csv"), ["x1,x2", "1,2"]);

        var result = CliRunner.Run("predict", "--model", folder.File(model), "--input", folder.File("p.csv"));

        CliRunner.AssertBadInput(result, folder.File(model), "distinct input names", mention);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("graph")]
    [InlineData("export")]
    public void Every_command_that_reads_a_model_refuses_them(string command)
    {
        using var folder = new TempFolder();
        SaveJson(folder, "m.json", "a,A");
        string[] args = command switch
        {
            "predict" => ["predict", "--model", folder.File("m.json"), "1", "2"],
            "graph" => ["graph", "--model", folder.File("m.json"), "1", "2", "--format", "dot", "--out", folder.File("g.dot")],
            _ => ["export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx")],
        };
        CliRunner.AssertBadInput(CliRunner.Run(args), "m.json", "'a' and 'A' for inputs 1 and 2");
        Assert.Equal(["m.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("x1,x2,x3", "expected 2 input names in the model's notes, one per input, got 3")]
    [InlineData("x1", "expected 2 input names in the model's notes, one per input, got 1")]
    [InlineData("x1,", "an empty one for input 2")]
    public void Notes_that_do_not_name_each_input_once_are_refused(string inputs, string mention)
    {
        using var folder = new TempFolder();
        SaveJson(folder, "m.json", inputs);
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("m.json"), "1", "2"), "m.json", mention);
    }

    [Fact]
    public void Distinct_names_still_pick_their_columns()
    {
        using var folder = new TempFolder();
        SaveJson(folder, "m.json", "b,a");
        File.WriteAllLines(folder.File("p.csv"), ["a,b", "1,2"]);
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("p.csv"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.StartsWith("2,1,", result.OutLines[1]);
    }
}
