using AttributeType = Micrograd.Onnx.Proto.AttributeProto.Types.AttributeType;

namespace Micrograd.Onnx.Import;

/// <summary>What each operator import reads takes, as onnx.checker knows it: its inputs and outputs, and its
/// attributes with their types. A node of another operator, or with an attribute of another name or type, is refused.</summary>
internal static class OpSchemas
{
    /// <summary>One operator: the inputs and outputs it has (at least, at most), its attributes by name.</summary>
    public sealed record Schema(int MinInputs, int MaxInputs, int MaxOutputs, IReadOnlyDictionary<string, AttributeType> Attributes);

    private static readonly Dictionary<string, AttributeType> None = [];

    private static Schema Op(int min, int max, int outputs = 1, params (string, AttributeType)[] attributes) =>
        new(min, max, outputs, attributes.ToDictionary(a => a.Item1, a => a.Item2));

    private static readonly (string, AttributeType) Axis = ("axis", AttributeType.Int), KeepDims = ("keepdims", AttributeType.Int),
        Axes = ("axes", AttributeType.Ints), NoopWithEmptyAxes = ("noop_with_empty_axes", AttributeType.Int);

    /// <summary>Every operator import reads, by its ONNX name.</summary>
    public static IReadOnlyDictionary<string, Schema> All { get; } = new Dictionary<string, Schema>
    {
        ["Gemm"] = Op(2, 3, 1, ("alpha", AttributeType.Float), ("beta", AttributeType.Float), ("transA", AttributeType.Int), ("transB", AttributeType.Int)),
        ["MatMul"] = Op(2, 2),
        ["Add"] = Op(2, 2),
        ["Sub"] = Op(2, 2),
        ["Mul"] = Op(2, 2),
        ["Div"] = Op(2, 2),
        ["Pow"] = Op(2, 2),
        ["Neg"] = Op(1, 1),
        ["Exp"] = Op(1, 1),
        ["Log"] = Op(1, 1),
        ["Sqrt"] = Op(1, 1),
        ["Tanh"] = Op(1, 1),
        ["Relu"] = Op(1, 1),
        ["Sigmoid"] = Op(1, 1),
        ["Gelu"] = Op(1, 1, 1, ("approximate", AttributeType.String)),
        ["Softmax"] = Op(1, 1, 1, Axis),
        ["LogSoftmax"] = Op(1, 1, 1, Axis),
        ["LayerNormalization"] = Op(2, 3, 3, Axis, ("epsilon", AttributeType.Float), ("stash_type", AttributeType.Int)),
        ["Transpose"] = Op(1, 1, 1, ("perm", AttributeType.Ints)),
        ["Reshape"] = Op(2, 2, 1, ("allowzero", AttributeType.Int)),
        ["Flatten"] = Op(1, 1, 1, Axis),
        ["Slice"] = Op(1, 5, 1, ("starts", AttributeType.Ints), ("ends", AttributeType.Ints), Axes),
        ["Concat"] = Op(1, int.MaxValue, 1, Axis),
        ["ReduceSum"] = Op(1, 2, 1, Axes, KeepDims, NoopWithEmptyAxes),
        ["ReduceMax"] = Op(1, 2, 1, Axes, KeepDims, NoopWithEmptyAxes),
        ["ReduceMean"] = Op(1, 2, 1, Axes, KeepDims, NoopWithEmptyAxes),
        ["Gather"] = Op(2, 2, 1, Axis),
        ["Where"] = Op(3, 3),
        ["Cast"] = Op(1, 1, 1, ("to", AttributeType.Int), ("saturate", AttributeType.Int)),
        ["Identity"] = Op(1, 1),
        ["Dropout"] = Op(1, 3, 2, ("ratio", AttributeType.Float), ("seed", AttributeType.Int), ("is_test", AttributeType.Int)),
        ["Constant"] = Op(0, 0, 1, ("value", AttributeType.Tensor), ("value_float", AttributeType.Float), ("value_floats", AttributeType.Floats),
            ("value_int", AttributeType.Int), ("value_ints", AttributeType.Ints)),
    };

    /// <summary>The operators in one line, for messages.</summary>
    public static string Listed { get; } = string.Join(", ", All.Keys.Where(k => k != "Constant"));
}
