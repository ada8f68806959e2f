using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Training;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Onnx.Tests;

/// <summary>ONNX Runtime runs what Micrograd exports and gives Micrograd's outputs.</summary>
[Collection(TrainedPresetsCollection.Name)]
public sealed class ExportTests(TrainedPresets presets)
{
    [Theory]
    [InlineData("moons", OnnxElementType.Float32)]
    [InlineData("moons", OnnxElementType.Float64)]
    [InlineData("yinyang", OnnxElementType.Float32)]
    [InlineData("yinyang", OnnxElementType.Float64)]
    [InlineData("digits", OnnxElementType.Float32)]
    [InlineData("digits", OnnxElementType.Float64)]
    public void OnnxRuntimeGivesTheTrainedPresetsOutputs(string preset, OnnxElementType type)
    {
        var trainer = presets[preset];
        bool softmax = trainer.Config.Loss == LossKind.CrossEntropy; // yinyang, digits: their logits become probabilities
        var options = new OnnxExportOptions { ElementType = type, OutputSoftmax = softmax };
        // Each preset's network is exported as the kind it trained as: digits a tensor MLP, the others an MLP of Values.
        var bytes = trainer.Config.Engine == EngineKind.Tensor
            ? OnnxFile.ToBytes(trainer.Weights().ToTensorMLP<double>(), options)
            : OnnxFile.ToBytes(trainer.Model, options);
        var reference = trainer.Weights().ToMLP();
        var inputs = TrainedPresets.RandomInputs(reference.InputCount);

        var outputs = Runtime.Run(bytes, inputs, type);

        for (int i = 0; i < inputs.Length; i++)
        {
            var expected = Agreement.Forward(reference, inputs[i], softmax);
            Agreement.Outputs(reference, inputs[i], expected, outputs[i], type, softmax, $"{preset} {type}");
            if (type == OnnxElementType.Float64) Agreement.Relative(expected, outputs[i], Agreement.Float64, $"{preset} {type}, input {i + 1}");
        }
        if (softmax) Assert.All(outputs, p => Assert.Equal(1.0, p.Sum(), type == OnnxElementType.Float64 ? 1e-12 : 1e-6));
    }

    [Theory]
    [InlineData(Activation.ReLU, Activation.Linear)]
    [InlineData(Activation.Tanh, Activation.Tanh)]
    [InlineData(Activation.Sigmoid, Activation.Sigmoid)]
    [InlineData(Activation.Linear, Activation.ReLU)]
    public void EveryActivationRunsInOnnxRuntime(Activation hidden, Activation output)
    {
        var model = new MLP(3, [5, 4, 2], hidden, output, rng: new Rng(11));
        foreach (var p in model.Parameters()) p.Data += 0.1; // biases start at 0; make them count
        var inputs = TrainedPresets.RandomInputs(3);

        foreach (var type in new[] { OnnxElementType.Float32, OnnxElementType.Float64 })
        {
            var outputs = Runtime.Run(OnnxFile.ToBytes(model, new OnnxExportOptions { ElementType = type }), inputs, type);
            for (int i = 0; i < inputs.Length; i++)
                Agreement.Outputs(model, inputs[i], Agreement.Forward(model, inputs[i], false), outputs[i], type, false, $"{hidden}/{output} {type}");
        }
    }

    [Fact]
    public void TheExportStatesItsVersionsNamesAndABatchDimension()
    {
        var notes = new Dictionary<string, string> { ["loss"] = "hinge", ["inputs"] = "x1,x2" };
        var bytes = OnnxFile.ToBytes(presets["moons"].Model, new OnnxExportOptions { Notes = notes });

        using var session = new InferenceSession(bytes);
        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(OnnxFile.InputName, input.Key);
        Assert.Equal([-1, 2], input.Value.Dimensions);
        Assert.Equal(OnnxFile.BatchDimension, input.Value.SymbolicDimensions[0]);
        Assert.Equal(typeof(float), input.Value.ElementType);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(OnnxFile.OutputName, output.Key);
        Assert.Equal([-1, 1], output.Value.Dimensions);
        Assert.Equal("Micrograd", session.ModelMetadata.ProducerName);
        Assert.Equal(notes, session.ModelMetadata.CustomMetadataMap);

        var model = OnnxFile.FromBytes(bytes);
        Assert.Equal(OnnxFile.IrVersion, model.IrVersion);
        Assert.Equal(OnnxFile.Opset, model.Opset);
    }

    [Fact]
    public void ABatchOfAnySizeRuns()
    {
        var model = presets["moons"].Model;
        var bytes = OnnxFile.ToBytes(model, new OnnxExportOptions { ElementType = OnnxElementType.Float64 });
        foreach (int batch in new[] { 1, 3, 250 })
        {
            var inputs = TrainedPresets.RandomInputs(2, seed: (ulong)batch).Take(batch).ToArray();
            if (inputs.Length < batch) inputs = Enumerable.Repeat(inputs, batch / inputs.Length + 1).SelectMany(x => x).Take(batch).ToArray();
            var outputs = Runtime.Run(bytes, inputs, OnnxElementType.Float64);
            Assert.Equal(batch, outputs.Length);
            Assert.Equal(model.Forward(inputs[^1])[0].Data, outputs[^1][0], 1e-12);
        }
    }

    [Fact]
    public void SavingIsAtomicAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.onnx");
        OnnxFile.Save(presets["moons"].Model, path);
        Assert.Equal(OnnxFile.ToBytes(presets["moons"].Model), File.ReadAllBytes(path));
        Assert.Equal(["model.onnx"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
