namespace Micrograd.Onnx.Export;

/// <summary>GELU as ONNX computes it: the Gelu operator of operator set 20, exact or with approximate="tanh";
/// in float64, the tanh form as its formula, node by node, because Gelu's definition in ONNX (which ONNX Runtime
/// expands for doubles) holds its constants as floats: 0.044715 becomes 0.04471499845, 1e-10 off.</summary>
/// <remarks>ONNX Runtime's CPU provider computes Erf, and so the exact Gelu, in float32 only.</remarks>
internal static class Gelu
{
    public const long Opset = 20;

    private static readonly double Beta = Math.Sqrt(2 / Math.PI);

    /// <summary>The operator set the GELU of <paramref name="tanh"/> form needs in <paramref name="type"/>.</summary>
    public static long OpsetFor(bool tanh, OnnxElementType type) => Formula(tanh, type) ? OnnxFile.Opset : Opset;

    public static string Write(GraphWriter w, string? scope, string x, bool tanh)
    {
        if (!Formula(tanh, w.Type)) return w.Node("Gelu", scope, [x], GraphWriter.String("approximate", tanh ? "tanh" : "none"));
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
        string cube = w.Node("Mul", scope, [w.Node("Mul", scope, [x, x]), x]);
        string inner = w.Node("Add", scope, [x, w.Node("Mul", scope, [cube, w.Scalar(0.044715)])]);
        string t = w.Node("Tanh", scope, [w.Node("Mul", scope, [inner, w.Scalar(Beta)])]);
        return w.Node("Mul", scope, [w.Node("Mul", scope, [x, w.Scalar(0.5)]), w.Node("Add", scope, [t, w.Scalar(1)])]);
    }

    private static bool Formula(bool tanh, OnnxElementType type) => tanh && type == OnnxElementType.Float64;
}
