using System.Text.Json.Serialization;
using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>One node of a tensor program written by tools/reference/tensor_golden.py (see its docstring).</summary>
/// <remarks>The fields after Targets are those of tools/reference/tensor_ops_golden.py.</remarks>
internal sealed record TensorNode(string Op, int? A, int? B, double? Ca, double? Cb, int[]? Shape, double[]? Values, bool? Grad,
    double? Exponent, int? Axis, bool? Keepdims, int[]? Targets,
    int? C = null, int? Dim0 = null, int? Dim1 = null, int[]? Dims = null, int[]? Indices = null,
    [property: JsonPropertyName("index_shape")] int[]? IndexShape = null, int[]? Mask = null,
    [property: JsonPropertyName("mask_shape")] int[]? MaskShape = null, double? Value = null, int? Start = null, int? Length = null,
    int[]? Inputs = null, [property: JsonPropertyName("ignore_index")] int? IgnoreIndex = null, bool? Tanh = null, double? Eps = null,
    int? Correction = null, [property: JsonPropertyName("start_dim")] int? StartDim = null, [property: JsonPropertyName("end_dim")] int? EndDim = null);

/// <summary>Rebuilds a tensor program with the Tensor API, as a user would write it.</summary>
internal static class TensorProgram
{
    public static Tensor<double>[] Build(IReadOnlyList<TensorNode> nodes)
    {
        var t = new Tensor<double>[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            Tensor<double> A() => t[n.A!.Value];
            t[i] = n.Op switch
            {
                "leaf" => Tensor<double>.FromArray(n.Values!, n.Shape!, n.Grad!.Value),
                "add" => Binary(n, t, static (a, b) => a + b, static (c, b) => c + b, static (a, c) => a + c),
                "sub" => Binary(n, t, static (a, b) => a - b, static (c, b) => c - b, static (a, c) => a - c),
                "mul" => Binary(n, t, static (a, b) => a * b, static (c, b) => c * b, static (a, c) => a * c),
                "div" => Binary(n, t, static (a, b) => a / b, static (c, b) => c / b, static (a, c) => a / c),
                "neg" => -A(),
                "exp" => A().Exp(),
                "log" => A().Log(),
                "tanh" => A().Tanh(),
                "relu" => A().Relu(),
                "sigmoid" => A().Sigmoid(),
                "pow" => A().Pow(n.Exponent!.Value),
                "matmul" => A().MatMul(t[n.B!.Value]),
                "transpose" => A().Transpose(),
                "reshape" => A().Reshape(n.Shape!),
                "sum" => n.Axis is { } axis ? A().Sum(axis, n.Keepdims!.Value) : A().Sum(),
                "mean" => n.Axis is { } axis ? A().Mean(axis, n.Keepdims!.Value) : A().Mean(),
                "max" => A().Max(n.Axis!.Value, n.Keepdims!.Value),
                "log_softmax" => A().LogSoftmax(n.Axis!.Value),
                "cross_entropy" => n.IgnoreIndex is { } ignore ? A().CrossEntropy(n.Targets!, ignore) : A().CrossEntropy(n.Targets!),
                "transpose2" => A().Transpose(n.Dim0!.Value, n.Dim1!.Value),
                "permute" => A().Permute(n.Dims!),
                "softmax" => A().Softmax(n.Axis!.Value),
                "sqrt" => A().Sqrt(),
                "take" => A().Take(n.Indices!, n.IndexShape!),
                "masked_fill" => A().MaskedFill([.. n.Mask!.Select(m => m != 0)], n.MaskShape!, n.Value!.Value),
                "slice" => A().Slice(n.Axis!.Value, n.Start!.Value, n.Length!.Value),
                "concat" => Tensor<double>.Concat([.. n.Inputs!.Select(j => t[j])], n.Axis!.Value),
                "gelu" => A().Gelu(n.Tanh!.Value),
                "linear" => A().Linear(t[n.B!.Value], n.C is { } c ? t[c] : null),
                "layer_norm" => A().LayerNorm(n.B is { } w ? t[w] : null, n.C is { } b ? t[b] : null, n.Eps!.Value),
                "var" => A().Var(n.Axis!.Value, n.Keepdims!.Value, n.Correction!.Value),
                "flatten" => A().Flatten(n.StartDim!.Value, n.EndDim!.Value),
                _ => throw new InvalidOperationException($"Unknown op '{n.Op}' in a tensor program."),
            };
            if (n.Op != "leaf" && t[i].RequiresGrad) t[i].RetainGrad();
        }
        return t;
    }

    private static Tensor<double> Binary(TensorNode n, Tensor<double>[] t, Func<Tensor<double>, Tensor<double>, Tensor<double>> both,
        Func<double, Tensor<double>, Tensor<double>> constLeft, Func<Tensor<double>, double, Tensor<double>> constRight) =>
        (n.A, n.B) switch
        {
            (int a, int b) => both(t[a], t[b]),
            (null, int b) => constLeft(n.Ca!.Value, t[b]),
            (int a, null) => constRight(t[a], n.Cb!.Value),
            _ => throw new InvalidOperationException($"A '{n.Op}' node needs at least one tensor operand."),
        };
}
