using Micrograd.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>Runs an ONNX model with ONNX Runtime on a batch of examples, in the model's number type.</summary>
public static class Runtime
{
    /// <summary>The model's outputs for each row of <paramref name="inputs"/>, widened to double.</summary>
    public static double[][] Run(byte[] model, IReadOnlyList<double[]> inputs, OnnxElementType type,
        string inputName = OnnxFile.InputName, string outputName = OnnxFile.OutputName)
    {
        using var session = new InferenceSession(model);
        int width = inputs[0].Length;
        long[] shape = [inputs.Count, width];
        var flat = inputs.SelectMany(x => x).ToArray();
        using var options = new RunOptions();
        using var input = type == OnnxElementType.Float64
            ? OrtValue.CreateTensorValueFromMemory(flat, shape)
            : OrtValue.CreateTensorValueFromMemory(flat.Select(v => (float)v).ToArray(), shape);
        using var results = session.Run(options, [inputName], [input], [outputName]);
        var output = results[0];
        var dims = output.GetTensorTypeAndShape().Shape;
        double[] values = type == OnnxElementType.Float64
            ? output.GetTensorDataAsSpan<double>().ToArray()
            : output.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v).ToArray();
        Assert.Equal([inputs.Count, dims[1]], dims);
        return values.Chunk((int)dims[1]).ToArray();
    }
}
