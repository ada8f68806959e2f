using System.Globalization;
using System.Text.Json;

namespace Micrograd.Cli.Tests;

/// <summary>A PyTorch nn.Sequential with a different activation after each layer, Dropout and a LogSoftmax,
/// exported by torch.onnx.export, gives PyTorch's outputs through <c>predict --input</c> to 1e-5. Fixture:
/// tools/reference/onnx_pytorch.py (tests/Micrograd.Onnx.Tests/fixtures/pytorch/activations.onnx and the
/// inputs and outputs PyTorch computed, in outputs.json).</summary>
public class PyTorchPredictTests
{
    private static string Fixture(string file) => Repository.File("tests", "Micrograd.Onnx.Tests", "fixtures", "pytorch", file);

    [Fact]
    public void Predict_gives_pytorchs_outputs_for_every_row_of_a_csv_file()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("outputs.json")));
        var c = json.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "activations");
        double[][] Rows(string name) => [.. c.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
        var inputs = Rows("inputs");
        var expected = Rows("outputs");
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("in.csv"), ["a,b,c", .. inputs.Select(r => string.Join(',', r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))]);

        var result = CliRunner.Run("predict", "--model", Fixture("activations.onnx"), "--input", folder.File("in.csv"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal("x1,x2,x3,output1,output2,output3,output4,class", result.OutLines[0]);
        Assert.Equal(inputs.Length + 1, result.OutLines.Length);
        for (int r = 0; r < inputs.Length; r++)
        {
            var cells = result.OutLines[r + 1].Split(',');
            var outputs = cells[3..7].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            double scale = expected[r].Average(Math.Abs);
            for (int j = 0; j < 4; j++)
                Assert.True(Math.Abs(outputs[j] - expected[r][j]) <= 1e-5 * (Math.Abs(expected[r][j]) + scale),
                    $"row {r + 1}, output {j + 1}: PyTorch gives {expected[r][j]:R}, predict {outputs[j]:R}");
            Assert.Equal(Array.IndexOf(expected[r], expected[r].Max()).ToString(CultureInfo.InvariantCulture), cells[7]);
        }
    }
}
