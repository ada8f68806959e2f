using Micrograd.Data;
using Micrograd.Onnx;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Cli.Tests;

/// <summary><c>predict</c>, <c>export</c> and <c>graph</c> on model files of any module tree: a language model
/// on token indices and a transformer block (no fixture: the expected numbers are the module's own).</summary>
public class ModuleModelTests
{
    private static Sequential<float> LanguageModel()
    {
        var rng = new Rng(5);
        return new Sequential<float>(new Embedding<float>(27, 10, rng), new Flatten<float>(), new Linear<float>(30, 16, rng: rng), new Tanh<float>(), new Linear<float>(16, 27, rng: rng));
    }

    [Fact]
    public void A_language_model_predicts_from_token_indices_and_exports_as_onnx()
    {
        using var folder = new TempFolder();
        var model = LanguageModel();
        ModelFile.Save(model, folder.File("lm.json"), new Dictionary<string, string> { ["outputs"] = "argmax" });
        var expected = model.Eval().Forward(Tensor<float>.FromArray([5f, 0f, 26f], [1, 3])).ToArray();

        var predict = CliRunner.Run("predict", "--model", folder.File("lm.json"), "5", "0", "26");
        Assert.True(predict.ExitCode == 0, predict.Err);
        Assert.Equal(28, predict.OutLines.Length);
        Assert.Equal($"output27  {expected[26].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", predict.OutLines[26]);
        Assert.Equal($"class     {Array.IndexOf(expected, expected.Max())}", predict.OutLines[27]);

        var export = CliRunner.Run("export", "--model", folder.File("lm.json"), "--to", folder.File("lm.onnx"));
        Assert.True(export.ExitCode == 0, export.Err);
        Assert.EndsWith(": Sequential(Embedding, Flatten, Linear, Tanh, Linear), float32, input 'input' [batch, 3] token indices, output 'output' [batch, 27]", export.OutLines[0]);
        var fromOnnx = CliRunner.Run("predict", "--model", folder.File("lm.onnx"), "5", "0", "26");
        Assert.Equal(predict.Out, fromOnnx.Out);

        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", folder.File("lm.json"), "5", "0", "27"), "expected row indices from 0 to 26", "got 27");
    }

    [Fact]
    public void A_transformer_block_is_drawn_as_its_tensor_graph()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new TransformerBlock<double>(4, 2, 2, new Rng(3)), folder.File("block.json"));
        string[] inputs = [.. Enumerable.Range(0, 8).Select(i => (0.25 * i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        var result = CliRunner.Run(["graph", "--model", folder.File("block.json"), .. inputs, "--output", "8", "--format", "dot", "--out", "-"]);

        Assert.True(result.ExitCode == 0, result.Err);
        foreach (var op in new[] { "layer_norm", "masked_fill", "softmax", "gelu_tanh", "matmul", "permute" }) Assert.Contains($"label=\"{op}\"", result.Out);
        Assert.Contains("{ attn.c_attn.weight | [12, 4] |", result.Out);
        Assert.Contains("{ output | [1, 2, 4] |", result.Out);
        CliRunner.AssertBadInput(CliRunner.Run(["graph", "--model", folder.File("block.json"), .. inputs, "--output", "9"]), "--output: expected an output from 1 to 8, got 9");
    }
}
