using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Training;

namespace Micrograd.Onnx.Tests;

/// <summary>Export, then import: the same network, its notes and its softmax.</summary>
[Collection(TrainedPresetsCollection.Name)]
public sealed class RoundTripTests(TrainedPresets presets)
{
    [Theory]
    [InlineData("moons")]
    [InlineData("yinyang")]
    public void Float64KeepsEveryParameterExactly(string preset)
    {
        var model = presets[preset].Model;
        var notes = new Dictionary<string, string> { ["loss"] = "cross-entropy", ["inputs"] = "x,y" };

        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(model, new OnnxExportOptions { ElementType = OnnxElementType.Float64, OutputSoftmax = true, Notes = notes }));
        var back = imported.ToMLP();

        Assert.Equal(model.Parameters().Select(p => p.Data), back.Parameters().Select(p => p.Data));
        Assert.Equal(model.ToString(), back.ToString());
        Assert.Equal(notes, imported.Notes);
        Assert.True(imported.OutputSoftmax);
        Assert.Equal(OnnxElementType.Float64, imported.ElementType);
        Assert.Equal((OnnxFile.InputName, OnnxFile.OutputName), (imported.InputName, imported.OutputName));
        Assert.StartsWith("Micrograd ", imported.Producer);
    }

    [Fact]
    public void Float32RoundsEveryParameterToTheNearestFloat()
    {
        var model = presets["moons"].Model;

        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(model));

        Assert.False(imported.OutputSoftmax);
        Assert.Equal(OnnxElementType.Float32, imported.ElementType);
        Assert.Equal(model.Parameters().Select(p => (double)(float)p.Data), imported.ToMLP().Parameters().Select(p => p.Data));
        Assert.Contains(model.Parameters(), p => (double)(float)p.Data != p.Data);
    }

    [Fact]
    public void TheImportedModelDescribesItself()
    {
        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(presets["yinyang"].Model, new OnnxExportOptions { OutputSoftmax = true }), "yinyang.onnx");

        Assert.Equal((2, 3), (imported.InputCount, imported.OutputCount));
        Assert.Equal([8, 3], imported.LayerSizes);
        Assert.Equal([Activation.Tanh, Activation.Linear], imported.Activations);
        Assert.Equal("2-8-3 (Tanh, Linear, Softmax)", imported.ToString());
        Assert.Equal("yinyang.onnx", imported.Source);
        Assert.Empty(imported.Notes);
    }
}
