using Micrograd.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>Runs an ONNX model with ONNX Runtime, in the model's number type.</summary>
public static class Runtime
{
    /// <summary>The model's outputs for each row of <paramref name="inputs"/>, widened to double.</summary>
    public static double[][] Run(byte[] model, IReadOnlyList<double[]> inputs, OnnxElementType type,
        string inputName = OnnxFile.InputName, string outputName = OnnxFile.OutputName)
    {
        var (values, dims) = Run(model, [.. inputs.SelectMany(x => x)], [inputs.Count, inputs[0].Length], type, indices: false, inputName, outputName);
        Assert.Equal(2, dims.Length);
        Assert.Equal(inputs.Count, dims[0]);
        return values.Chunk((int)dims[1]).ToArray();
    }

    /// <summary>The model's output for one input tensor of <paramref name="shape"/>: numbers in the model's type,
    /// or with <paramref name="indices"/> INT64 token indices; its numbers widened to double, and its shape.</summary>
    public static (double[] Values, long[] Shape) Run(byte[] model, double[] input, long[] shape, OnnxElementType type, bool indices,
        string inputName = OnnxFile.InputName, string outputName = OnnxFile.OutputName)
    {
        using var session = new InferenceSession(model);
        using var options = new RunOptions();
        using var value = indices ? OrtValue.CreateTensorValueFromMemory(input.Select(v => (long)v).ToArray(), shape)
            : type == OnnxElementType.Float64 ? OrtValue.CreateTensorValueFromMemory(input, shape)
            : OrtValue.CreateTensorValueFromMemory(input.Select(v => (float)v).ToArray(), shape);
        using var results = session.Run(options, [inputName], [value], [outputName]);
        var output = results[0];
        double[] values = type == OnnxElementType.Float64
            ? output.GetTensorDataAsSpan<double>().ToArray()
            : [.. output.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v)];
        return (values, output.GetTensorTypeAndShape().Shape);
    }
}
