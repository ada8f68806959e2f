namespace Micrograd.Onnx.Import;

/// <summary>The kinds of numbers a constant holds.</summary>
internal enum ConstantKind
{
    Numbers,
    Integers,
    Bools,
}

/// <summary>A constant of a graph (an initializer or a Constant node's value): its shape, its numbers widened to
/// double, and, for INT64 and INT32 tensors, its integers exactly.</summary>
internal sealed record Constant(long[] Dims, double[] Values, ConstantKind Kind = ConstantKind.Numbers, long[]? Integers = null)
{
    public long Count => Values.Length;
}

/// <summary>The graph's one data input: its name, its dimensions (the first is the batch, whatever it says; null
/// where the file gives no size), and whether it holds token indices (INT64) rather than numbers.</summary>
internal sealed record GraphInput(string Name, long?[] Dims, OnnxElementType ElementType, bool Indices);

/// <summary>A graph every structural check has passed: its data input, its nodes in order (without Constant
/// nodes, whose values are among <see cref="Constants"/>), its constants, which of them are weights (numbers
/// of the file's initializers, which become trainable parameters), its one output, and its number type (the
/// input's, or for token indices the first weight's); <see cref="Budget"/> counts the numbers read so far, which
/// what is laid out from them (a chain's layers) adds to.</summary>
internal sealed record ParsedGraph(string Source, long Opset, GraphInput Input, IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, Constant> Constants, IReadOnlySet<string> Weights, string Output, OnnxElementType ElementType, NumberBudget Budget);
