using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd export</c>, and <c>predict</c> and <c>graph</c> on .onnx models.</summary>
public class ExportTests
{
    private static readonly Dictionary<string, string> ClassifierNotes = new() { ["inputs"] = "x1,x2", ["outputs"] = "argmax", ["loss"] = "cross-entropy" };

    private static MLP SaveModel(TempFolder folder, string name, IReadOnlyDictionary<string, string> notes, int outputs = 3)
    {
        var model = new MLP(2, [5, outputs], Activation.Tanh, rng: new Rng(9));
        ModelFile.Save(model, folder.File(name), notes);
        return model;
    }

    private static string RepoFile(string path) => Repository.File(path);

    [Fact]
    public void Export_writes_the_model_with_its_notes_and_a_softmax_for_cross_entropy()
    {
        using var folder = new TempFolder();
        var model = SaveModel(folder, "m.json", ClassifierNotes);

        var result = CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal($"wrote {folder.File("m.onnx")}: MLP 2-5-3 (Tanh, Linear output) + Softmax, float32, input 'input' [batch, 2], output 'output' [batch, 3]", Assert.Single(result.OutLines));
        var onnx = OnnxFile.Load(folder.File("m.onnx"));
        Assert.True(onnx.OutputSoftmax);
        Assert.Equal(OnnxElementType.Float32, onnx.ElementType);
        Assert.Equal(ClassifierNotes, onnx.Notes);
        Assert.Equal(model.Parameters().Select(p => (double)(float)p.Data), onnx.ToMLP().Parameters().Select(p => p.Data));
    }

    [Fact]
    public void A_model_not_trained_with_cross_entropy_gets_no_softmax()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", new Dictionary<string, string> { ["loss"] = "hinge" }, outputs: 1);
        Assert.Equal(0, CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx")).ExitCode);
        Assert.False(OnnxFile.Load(folder.File("m.onnx")).OutputSoftmax);
    }

    [Fact]
    public void Predict_and_graph_run_a_float64_export_with_its_softmax()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        Assert.Equal(0, CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx"), "--dtype", "float64").ExitCode);

        var json = CliRunner.Run("predict", "--model", folder.File("m.json"), "0.5", "-0.25");
        var onnx = CliRunner.Run("predict", "--model", folder.File("m.onnx"), "0.5", "-0.25");
        Assert.True(onnx.ExitCode == 0, onnx.Err);
        double[] Outputs(CliResult r) => [.. r.OutLines[..3].Select(l => double.Parse(l.Split("  ")[1], System.Globalization.CultureInfo.InvariantCulture))];
        var logits = Outputs(json);
        var probabilities = Outputs(onnx);
        double max = logits.Max(), sum = logits.Sum(v => Math.Exp(v - max));
        for (int i = 0; i < 3; i++) Assert.Equal(Math.Exp(logits[i] - max) / sum, probabilities[i], 1e-15);
        Assert.Equal(json.OutLines[3], onnx.OutLines[3]); // the class

        var graph = CliRunner.Run("graph", "--model", folder.File("m.onnx"), "0.5", "-0.25", "--format", "dot", "--out", "-");
        Assert.True(graph.ExitCode == 0, graph.Err);
        Assert.Contains("label=\"softmax\"", graph.Out);
    }

    [Fact]
    public void An_onnx_model_exported_again_keeps_every_layer_and_adds_none()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        Assert.Equal(0, CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx")).ExitCode);

        var result = CliRunner.Run("export", "--model", folder.File("m.onnx"), "--to", folder.File("again.onnx"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains(": MLP 2-5-3 (Tanh, Linear output) + Softmax, float32,", result.Out);
        var again = OnnxFile.Load(folder.File("again.onnx"));
        Assert.Equal(["Linear", "Tanh", "Linear", "Softmax"], again.Spec!.Children.Select(c => c.Spec.Kind));
    }

    [Fact]
    public void Predict_reads_a_pytorch_export()
    {
        var result = CliRunner.Run("predict", "--model", RepoFile("tests/Micrograd.Onnx.Tests/fixtures/pytorch/softmax.onnx"), "0.5", "-0.25");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(["output1", "output2", "output3", "class"], result.OutLines.Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public void An_unsupported_op_is_named_with_its_node()
    {
        var result = CliRunner.Run("predict", "--model", RepoFile("tests/Micrograd.Onnx.Tests/fixtures/pytorch/leaky_relu.onnx"), "1", "2");
        CliRunner.AssertBadInput(result, "node /1/LeakyRelu (LeakyRelu) is a LeakyRelu");
    }

    [Theory]
    [InlineData("truncated", "is not a readable ONNX file (corrupt or truncated)")]
    [InlineData("corrupt", "is not a readable ONNX file (corrupt or truncated)")]
    [InlineData("text", "is not")]
    public void A_broken_onnx_file_is_one_line(string kind, string mention)
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        Assert.Equal(0, CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx")).ExitCode);
        var bytes = File.ReadAllBytes(folder.File("m.onnx"));
        File.WriteAllBytes(folder.File("bad.onnx"), kind switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "corrupt" => [.. bytes[..20], 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. bytes[30..]],
            _ => File.ReadAllBytes(folder.File("m.json")),
        });

        foreach (var command in new[] { "predict", "graph" })
            CliRunner.AssertBadInput(CliRunner.Run(command, "--model", folder.File("bad.onnx"), "1", "2"), "bad.onnx", mention);
    }

    [Fact]
    public void An_oversized_onnx_file_is_refused_before_reading()
    {
        using var folder = new TempFolder();
        using (var f = File.Create(folder.File("huge.onnx"))) f.SetLength(OnnxFile.DefaultMaxBytes + 1);
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("huge.onnx"), "1", "2"),
            $"is {OnnxFile.DefaultMaxBytes + 1:N0} bytes; Micrograd reads ONNX files of up to {OnnxFile.DefaultMaxBytes:N0} bytes");
    }

    [Fact]
    public void A_failed_export_leaves_the_target_and_the_model_as_they_were()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        string modelText = File.ReadAllText(folder.File("m.json"));
        File.WriteAllText(folder.File("bad.json"), "{ not a model");
        File.WriteAllText(folder.File("old.onnx"), "earlier");

        CliRunner.AssertBadInput(CliRunner.Run("export", "--model", folder.File("bad.json"), "--to", folder.File("old.onnx")), "bad.json");
        CliRunner.AssertBadInput(CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.json")), "--to: expected a file apart from the model");

        Assert.Equal("earlier", File.ReadAllText(folder.File("old.onnx")));
        Assert.Equal(modelText, File.ReadAllText(folder.File("m.json")));
        Assert.Equal(["bad.json", "m.json", "old.onnx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(new[] { "--dtype", "float16" }, "--dtype: expected float32 or float64, got 'float16'")]
    [InlineData(new[] { "--to", "" }, "--to: expected a file name such as moons.onnx, got an empty one")]
    public void Bad_export_options_are_explained(string[] options, string mention)
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        string[] args = ["export", "--model", folder.File("m.json"), .. options];
        if (!options.Contains("--to")) args = [.. args, "--to", folder.File("m.onnx")];
        CliRunner.AssertBadInput(CliRunner.Run(args), mention);
    }

    [Fact]
    public void Export_to_a_folder_is_refused()
    {
        using var folder = new TempFolder();
        SaveModel(folder, "m.json", ClassifierNotes);
        CliRunner.AssertBadInput(CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.Path), "which is a folder");
    }
}
