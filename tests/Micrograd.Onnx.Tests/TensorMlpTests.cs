using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Onnx.Tests;

/// <summary>The tensor MLP exports and imports as the scalar one does.</summary>
[Collection(TrainedPresetsCollection.Name)]
public sealed class TensorMlpTests(TrainedPresets presets)
{
    // The trained preset's weights in a tensor MLP (through a float64 file, which keeps them exactly).
    private TensorMLP<T> Trained<T>(string preset) where T : unmanaged, IFloatingPointIeee754<T> =>
        OnnxFile.FromBytes(OnnxFile.ToBytes(presets[preset].Model, new OnnxExportOptions { ElementType = OnnxElementType.Float64 })).ToTensorMLP<T>();

    private static double[][] Forward<T>(TensorMLP<T> model, double[][] inputs, bool softmax) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = Tensor<T>.FromArray(inputs.SelectMany(r => r).Select(T.CreateChecked).ToArray(), [inputs.Length, model.InputCount]);
        var rows = model.Forward(x).ToArray().Select(double.CreateChecked).Chunk(model.OutputCount).ToArray();
        return softmax ? rows.Select(Agreement.Softmax).ToArray() : rows;
    }

    [Theory]
    [InlineData("moons", OnnxElementType.Float32)]
    [InlineData("moons", OnnxElementType.Float64)]
    [InlineData("yinyang", OnnxElementType.Float32)]
    [InlineData("yinyang", OnnxElementType.Float64)]
    public void OnnxRuntimeGivesTheTensorMlpsOutputs(string preset, OnnxElementType type)
    {
        bool softmax = presets[preset].Config.Loss == LossKind.CrossEntropy;
        var options = new OnnxExportOptions { ElementType = type, OutputSoftmax = softmax };
        var inputs = TrainedPresets.RandomInputs(2);
        var scalar = presets[preset].Model; // the same weights, for the size of each output's sums

        var (expected, bytes) = type == OnnxElementType.Float64
            ? (Forward(Trained<double>(preset), inputs, softmax), OnnxFile.ToBytes(Trained<double>(preset), options))
            : (Forward(Trained<float>(preset), inputs, softmax), OnnxFile.ToBytes(Trained<float>(preset), options));
        var outputs = Runtime.Run(bytes, inputs, type);

        for (int i = 0; i < inputs.Length; i++)
        {
            Agreement.Outputs(scalar, inputs[i], expected[i], outputs[i], type, softmax, $"tensor {preset} {type}");
            if (type == OnnxElementType.Float64) Agreement.Relative(expected[i], outputs[i], Agreement.Float64, $"tensor {preset}, input {i + 1}");
        }
    }

    [Fact]
    public void ATensorMlpRoundTripsExactlyInFloat64()
    {
        var model = new TensorMLP<double>(3, [5, 2], Activation.Sigmoid, Activation.Tanh, rng: new Rng(5));

        var back = OnnxFile.FromBytes(OnnxFile.ToBytes(model, new OnnxExportOptions { ElementType = OnnxElementType.Float64 })).ToTensorMLP<double>();

        Assert.Equal(model.Parameters().SelectMany(p => p.ToArray()), back.Parameters().SelectMany(p => p.ToArray()));
        Assert.Equal(model.Activations, back.Activations);
        Assert.Equal(model.ToString(), back.ToString());
    }

    [Fact]
    public void AScalarMlpComesBackAsATensorMlpWithTheSameOutputs()
    {
        var scalar = presets["moons"].Model;
        var inputs = TrainedPresets.RandomInputs(2);

        var outputs = Forward(Trained<double>("moons"), inputs, softmax: false);

        for (int i = 0; i < inputs.Length; i++)
            Agreement.Outputs(scalar, inputs[i], Agreement.Forward(scalar, inputs[i], false), outputs[i], OnnxElementType.Float64, false, "moons as a tensor MLP");
    }

    [Fact]
    public void MixedHiddenActivationsMakeATensorMlpToo()
    {
        var imported = OnnxFile.Load(Fixture.Path("pytorch/mixed.onnx"));
        Assert.Equal([Activation.Tanh, Activation.ReLU, Activation.Linear], imported.ToTensorMLP<float>().Activations);
    }

    [Fact]
    public void A_graph_that_is_not_an_mlp_says_so()
    {
        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(Models.LanguageModel<float>()), "lm.onnx");
        Assert.Contains("lm.onnx is not an MLP", Assert.Throws<OnnxUnsupportedException>(imported.ToTensorMLP<float>).Message);
        Assert.False(imported.IsMlp);
    }
}
