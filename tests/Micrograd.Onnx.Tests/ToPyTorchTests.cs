using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Serialization;

namespace Micrograd.Onnx.Tests;

/// <summary>
/// The way out to PyTorch: tools/to_pytorch.py turns Micrograd's model files (JSON and ONNX) into nn.Sequential
/// state_dicts that give Micrograd's outputs. Fixture: tools/reference/to_pytorch_roundtrip.py
/// (fixtures/to_pytorch.json, from the models in fixtures/models/).
/// </summary>
public sealed class ToPyTorchTests
{
    /// <summary>One converted model and PyTorch's outputs.</summary>
    public sealed record Case(string Model, string Dtype, bool Probabilities, string Sequential, double[][] Inputs, double[][] Outputs);

    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Fixture.Load<CasesFile>("to_pytorch.json").Cases) data.Add(c.Model, c.Dtype);
        return data;
    }

    /// <summary>The fixture's layout.</summary>
    public sealed record CasesFile(string Torch, Case[] Cases);

    private static MLP Load(string file) => file.EndsWith(".onnx", StringComparison.Ordinal)
        ? OnnxFile.Load(Fixture.Path(file)).ToMLP()
        : ModelFile.Load(Fixture.Path(file)).Model;

    [Theory]
    [MemberData(nameof(Names))]
    public void TheConvertedModelGivesMicrogradsOutputs(string file, string dtype)
    {
        var c = Fixture.Load<CasesFile>("to_pytorch.json").Cases.Single(c => c.Model == file && c.Dtype == dtype);
        var model = Load(file);
        var type = dtype == "float64" ? OnnxElementType.Float64 : OnnxElementType.Float32;

        for (int i = 0; i < c.Inputs.Length; i++)
        {
            var expected = Agreement.Forward(model, c.Inputs[i], c.Probabilities);
            Agreement.Outputs(model, c.Inputs[i], expected, c.Outputs[i], type, c.Probabilities, $"{file} in PyTorch ({dtype})");
        }
    }

    [Fact]
    public void TheOnnxModelsAreTheJsonModelsExported()
    {
        var moons = ModelFile.Load(Fixture.Path("models/moons.json"));
        var moonsOnnx = OnnxFile.Load(Fixture.Path("models/moons.onnx"));
        Assert.Equal(moons.Model.Parameters().Select(p => (double)(float)p.Data), moonsOnnx.ToMLP().Parameters().Select(p => p.Data));
        Assert.Equal(moons.Notes, moonsOnnx.Notes);
        Assert.False(moonsOnnx.OutputSoftmax);

        var yinyang = ModelFile.Load(Fixture.Path("models/yinyang.json"));
        var yinyangOnnx = OnnxFile.Load(Fixture.Path("models/yinyang.onnx"));
        Assert.Equal(yinyang.Model.Parameters().Select(p => p.Data), yinyangOnnx.ToMLP().Parameters().Select(p => p.Data));
        Assert.Equal(yinyang.Notes, yinyangOnnx.Notes);
        Assert.True(yinyangOnnx.OutputSoftmax);
        Assert.Equal("cross-entropy", yinyang.Notes["loss"]);
    }
}
