using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Serialization;

namespace Micrograd.Onnx.Tests;

/// <summary>
/// The way out to PyTorch: tools/to_pytorch.py turns Micrograd's model files (JSON of layout versions 1 and 3, and
/// ONNX) into nn.Sequential state_dicts that give Micrograd's outputs, and refuses, naming it, a module it does not
/// build. Fixture: tools/reference/to_pytorch_roundtrip.py (fixtures/to_pytorch.json, from the models in fixtures/models/).
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

    /// <summary>A model the script refuses, with its error.</summary>
    public sealed record Refusal(string Model, string Error);

    /// <summary>The fixture's layout.</summary>
    public sealed record CasesFile(string Torch, Case[] Cases, Refusal[] Refused);

    private static MLP Load(string file) => file.EndsWith(".onnx", StringComparison.Ordinal)
        ? OnnxFile.Load(Fixture.Path(file)).ToMLP()
        : ModelFile.Load(Fixture.Path(file)).Model;

    [Theory]
    [MemberData(nameof(Names))]
    public void TheConvertedModelGivesMicrogradsOutputs(string file, string dtype)
    {
        var c = Fixture.Load<CasesFile>("to_pytorch.json").Cases.Single(c => c.Model == file && c.Dtype == dtype);
        var type = dtype == "float64" ? OnnxElementType.Float64 : OnnxElementType.Float32;
        if (file.EndsWith(".json", StringComparison.Ordinal) && ModelFile.Load(Fixture.Path(file)) is { IsMlp: false } tree)
        {
            // A module tree: its own outputs, in the file's precision, against PyTorch's (in the case's dtype).
            var expected = tree.Predict([.. c.Inputs]).SelectMany(r => r).ToArray();
            Agreement.Rows(expected, [.. c.Outputs.SelectMany(r => r)], c.Outputs[0].Length, type == OnnxElementType.Float64 ? Agreement.Float64 : 1e-5, $"{file} in PyTorch ({dtype})");
            return;
        }
        var model = Load(file);

        for (int i = 0; i < c.Inputs.Length; i++)
        {
            var expected = Agreement.Forward(model, c.Inputs[i], c.Probabilities);
            Agreement.Outputs(model, c.Inputs[i], expected, c.Outputs[i], type, c.Probabilities, $"{file} in PyTorch ({dtype})");
        }
    }

    [Fact]
    public void A_module_the_script_does_not_build_is_refused_by_name()
    {
        var refusal = Assert.Single(Fixture.Load<CasesFile>("to_pytorch.json").Refused);
        Assert.Equal("TransformerBlock", ModelFile.Load(Fixture.Path(refusal.Model)).Spec.Kind);
        Assert.StartsWith("the module at the root is a TransformerBlock, which to_pytorch does not build", refusal.Error);
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
