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
        string[]? Modules, string? Error, string? Op, string? Node, double[][] Inputs, double[][] Outputs);

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

    [Theory]
    [InlineData("gemm")]
    [InlineData("softmax")]
    [InlineData("flatten")]
    [InlineData("matmul_add")]
    [InlineData("transpose")]
    [InlineData("float64")]
    [InlineData("opset9")]
    [InlineData("mixed")]
    [InlineData("activations")]
    public void The_module_gives_pytorchs_outputs_every_layer_included(string name)
    {
        var c = Get(name);
        var imported = Load(c);
        var inputs = c.Inputs.SelectMany(r => r).ToArray();
        var shape = (int[])[c.Inputs.Length, .. imported.Input!.Shape];

        var outputs = imported.ElementType == OnnxElementType.Float64
            ? Models.Forward(imported.ToModule<double>(), inputs, shape)
            : Models.Forward(imported.ToModule<float>(), inputs, shape);

        Assert.True(imported.IsChain);
        var expected = c.Outputs.SelectMany(r => r).ToArray();
        Agreement.Rows(expected, outputs, c.Outputs[0].Length, imported.ElementType == OnnxElementType.Float64 ? Agreement.Float64 : 1e-5, name);
        if (c.Modules is { } modules) Assert.Equal(modules, imported.Spec!.Children.Select(m => m.Spec.Kind));
    }

    [Fact]
    public void Hidden_layers_with_different_activations_make_an_mlp()
    {
        var c = Get("mixed");
        var model = Load(c).ToMLP();
        Assert.Equal(["Tanh", "ReLU", "Linear"], model.Layers.Select(l => l.Neurons[0].Activation.ToString()));
        for (int i = 0; i < c.Inputs.Length; i++)
            Agreement.Outputs(model, c.Inputs[i], c.Outputs[i], Agreement.Forward(model, c.Inputs[i], false), OnnxElementType.Float32, false, "mixed");
    }

    [Fact]
    public void A_softmax_imported_and_exported_again_is_kept()
    {
        var c = Get("softmax");
        var module = Load(c).ToModule<float>();
        var again = OnnxFile.FromBytes(OnnxFile.ToBytes(module));

        Assert.Equal(["Linear", "Tanh", "Linear", "Softmax"], again.Spec!.Children.Select(m => m.Spec.Kind));
        var outputs = Runtime.Run(OnnxFile.ToBytes(again.ToModule<float>()), c.Inputs, OnnxElementType.Float32);
        Agreement.Rows(c.Outputs.SelectMany(r => r).ToArray(), outputs.SelectMany(r => r).ToArray(), 3, 1e-5, "softmax, imported and exported twice");
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
