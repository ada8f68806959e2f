using System.Globalization;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>Issue 21: predict prints a class only for a classifier; a regression model, whether its notes say
/// so or it has one output and no notes, as JSON or as ONNX, prints its output alone (a mutation that printed
/// a class line for a regression ONNX model went unnoticed).</summary>
public class PredictRegressionTests
{
    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string, bool> Models() => new()
    {
        { "m.json", true }, { "m.json", false }, { "m.onnx", true }, { "m.onnx", false },
    };

    private static MLP Save(TempFolder folder, string name, bool notes)
    {
        var model = new MLP(2, [4, 1], Activation.Tanh, rng: new Rng(21));
        var noted = new Dictionary<string, string> { ["inputs"] = "x1,x2", ["outputs"] = "value", ["loss"] = "mse" };
        if (name.EndsWith(".onnx", StringComparison.Ordinal))
            OnnxFile.Save(model, folder.File(name), new OnnxExportOptions { ElementType = OnnxElementType.Float64, Notes = notes ? noted : new Dictionary<string, string>() });
        else
            ModelFile.Save(model, folder.File(name), notes ? noted : null);
        return model;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_regression_model_prints_its_output_and_no_class(string name, bool notes)
    {
        using var folder = new TempFolder();
        var model = Save(folder, name, notes);

        var result = CliRunner.Run("predict", "--model", folder.File(name), "0.5", "-0.3");

        Assert.True(result.ExitCode == 0, result.Err);
        var line = Assert.Single(result.OutLines); // the output, and no class line
        Assert.StartsWith("output  ", line);
        Assert.Equal(model.Forward([0.5, -0.3])[0].Data, Parse(line["output  ".Length..]), 1e-12);
    }

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Models))]
    public void A_regression_model_writes_no_class_column(string name, bool notes)
    {
        using var folder = new TempFolder();
        var model = Save(folder, name, notes);
        File.WriteAllLines(folder.File("p.csv"), ["x1,x2", "0.5,-0.3", "-1,2"]);

        var result = CliRunner.Run("predict", "--model", folder.File(name), "--input", folder.File("p.csv"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(3, result.OutLines.Length);
        Assert.Equal("x1,x2,output", result.OutLines[0]); // no class column
        double[][] rows = [[0.5, -0.3], [-1, 2]];
        for (int r = 0; r < 2; r++)
        {
            var fields = result.OutLines[r + 1].Split(',');
            Assert.Equal(3, fields.Length);
            Assert.Equal([N(rows[r][0]), N(rows[r][1])], fields[..2]);
            Assert.Equal(model.Forward(rows[r])[0].Data, Parse(fields[2]), 1e-12);
        }
    }
}
