using System.Text;
using Micrograd.Onnx.Proto;

namespace Micrograd.Onnx.Import;

/// <summary>A node of a checked graph: its operator, the label messages name it by (its name, or "#3" for the
/// third node without one), its inputs and outputs, and its attributes, each of the type its schema says.</summary>
internal sealed record OnnxNode(string Op, string Label, string[] Inputs, string[] Outputs, IReadOnlyDictionary<string, AttributeProto> Attributes)
{
    /// <summary>Input <paramref name="index"/>, or null when it is absent or left empty (an optional input).</summary>
    public string? Input(int index) => index < Inputs.Length && Inputs[index].Length > 0 ? Inputs[index] : null;

    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) ? a.I : fallback;

    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out var a) ? a.F : fallback;

    public long[]? Ints(string name) => Attributes.TryGetValue(name, out var a) ? [.. a.Ints] : null;

    public string? String(string name) => Attributes.TryGetValue(name, out var a) ? Encoding.UTF8.GetString(a.S.Span) : null;

    /// <summary>"node /0/Gemm (Gemm)", as messages begin.</summary>
    public override string ToString() => $"node {Label} ({Op})";
}
