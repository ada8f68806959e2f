namespace Micrograd.Onnx;

/// <summary>An ONNX file that cannot be read: not ONNX, corrupt, truncated, larger than the limit, or with
/// tensors whose sizes do not match their data.</summary>
public class OnnxFormatException(string message) : FormatException(message);

/// <summary>
/// A readable ONNX model that is not an MLP Micrograd can hold: an operator other than those of a chain of
/// linear layers and activations, or such operators put together differently.
/// </summary>
/// <param name="message">What was found and what was expected.</param>
/// <param name="opType">The first unsupported node's operator, such as "Conv"; null when no one node is to blame.</param>
/// <param name="nodeName">That node's name (or "#3" for the third node, if it has none); null likewise.</param>
public sealed class OnnxUnsupportedException(string message, string? opType = null, string? nodeName = null)
    : OnnxFormatException(message)
{
    /// <summary>The first unsupported node's operator, such as "Conv"; null when no one node is to blame.</summary>
    public string? OpType { get; } = opType;

    /// <summary>That node's name, or "#N" for the N-th node when it has none; null likewise.</summary>
    public string? NodeName { get; } = nodeName;
}
