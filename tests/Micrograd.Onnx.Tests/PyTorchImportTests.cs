using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;

namespace Micrograd.Onnx.Tests;

/// <summary>
/// PyTorch's torch.onnx.export of small MLPs, in each form torch 1.13 emits, imported and run by Micrograd.
/// Fixture: tools/reference/onnx_pytorch.py (fixtures/pytorch/).
/// </summary>
public sealed class PyTorchImportTests
{
    /// <summary>One model of fixtures/pytorch/outputs.json.</summary>
    public sealed record Case(string Name, string File, string Dtype, string[] Ops, int[]? Layers, string[]? Activations, bool Softmax,
        string? Error, string? Op, string? Node, double[][] Inputs, double[][] Outputs);

    private sealed record Cases(string Torch, Case[] Models);

    private static Case Get(string name) => Fixture.Load<Cases>("pytorch/outputs.json").Models.Single(c => c.Name == name);

    private static OnnxModel Load(Case c) => OnnxFile.Load(Fixture.Path($"pytorch/{c.File}"));

    [Theory]
    [InlineData("gemm")]
    [InlineData("softmax")]
    [InlineData("flatten")]
    [InlineData("matmul_add")]
    [InlineData("transpose")]
    [InlineData("float64")]
    [InlineData("single")]
    [InlineData("opset9")]
    public void ImportReproducesPyTorchsOutputs(string name)
    {
        var c = Get(name);
        var imported = Load(c);
        Assert.Equal(c.Layers, imported.LayerSizes);
        Assert.Equal(c.Activations, imported.Activations.Select(a => a.Name()));
        Assert.Equal(c.Softmax, imported.OutputSoftmax);
        Assert.Equal(c.Dtype == "float64" ? OnnxElementType.Float64 : OnnxElementType.Float32, imported.ElementType);
        Assert.Equal(("x", "y"), (imported.InputName, imported.OutputName));
        Assert.StartsWith("pytorch", imported.Producer);

        var model = imported.ToMLP();
        for (int i = 0; i < c.Inputs.Length; i++)
        {
            var outputs = Agreement.Forward(model, c.Inputs[i], c.Softmax);
            Agreement.Outputs(model, c.Inputs[i], c.Outputs[i], outputs, imported.ElementType, c.Softmax, $"{name} ({string.Join(", ", c.Ops)})");
        }
    }

    [Fact]
    public void AnOpThatIsNotAnMlpsIsNamedWithItsNode()
    {
        var c = Get("leaky_relu");
        var e = Assert.Throws<OnnxUnsupportedException>(() => Load(c));
        Assert.Equal((c.Op, c.Node), (e.OpType, e.NodeName));
        Assert.Contains($"node {c.Node} ({c.Op})", e.Message);
        Assert.Contains("leaky_relu.onnx", e.Message);
    }

    [Fact]
    public void HiddenLayersWithDifferentActivationsImportButMakeNoMlp()
    {
        var c = Get("mixed");
        var imported = Load(c);
        Assert.Equal(c.Layers, imported.LayerSizes);
        Assert.Equal(c.Activations, imported.Activations.Select(a => a.Name()));

        var e = Assert.Throws<OnnxUnsupportedException>(imported.ToMLP);
        Assert.Contains("hidden layer 1 applies Tanh and hidden layer 2 ReLU", e.Message);
    }

    [Fact]
    public void APyTorchModelExportedAgainRunsInOnnxRuntimeAsInPyTorch()
    {
        var c = Get("softmax");
        var model = Load(c).ToMLP();
        var bytes = OnnxFile.ToBytes(model, new OnnxExportOptions { OutputSoftmax = true });

        var outputs = Runtime.Run(bytes, c.Inputs, OnnxElementType.Float32);

        for (int i = 0; i < c.Inputs.Length; i++)
            Agreement.Outputs(model, c.Inputs[i], c.Outputs[i], outputs[i], OnnxElementType.Float32, true, "softmax, exported again");
    }
}
