namespace Micrograd.Onnx;

/// <summary>The number type of an ONNX model's inputs, weights and outputs.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit floats (ONNX's FLOAT): what runtimes and accelerators serve best. The weights are rounded
    /// from Micrograd's doubles to the nearest float.</summary>
    Float32,
    /// <summary>64-bit floats (ONNX's DOUBLE): Micrograd's own precision, nothing rounded.</summary>
    Float64,
}
