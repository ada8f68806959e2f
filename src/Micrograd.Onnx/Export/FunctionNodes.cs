using System.Numerics;
using Micrograd.Onnx.Proto;
using Micrograd.Tensors;
using Micrograd.Tensors.Functions;
using static Micrograd.Onnx.Export.GraphWriter;
using F = Micrograd.Tensors.Functions;

namespace Micrograd.Onnx.Export;

/// <summary>The ONNX nodes of each tensor op, one op at a time: the op as traced on two batch sizes (a and b), so
/// that a shape that follows the batch is written as such. <c>value</c> names a tensor's value in the graph,
/// <c>scope</c> the module a parameter belongs to; <c>indexInput</c> is the traced input when it holds token
/// indices, which the graph takes as int64.</summary>
internal sealed class FunctionNodes<T>(GraphWriter w, Func<Tensor<T>, Tensor<T>, string> value, Func<Tensor<T>, string?> scope, Tensor<T>? indexInput)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The operator set an op needs in a graph of <paramref name="type"/>: the base one, or later.</summary>
    public static long OpsetFor(Function<T> f, OnnxElementType type) => f switch
    {
        F.LayerNorm<T> => 17,
        F.Gelu<T> g => Gelu.OpsetFor(g.Tanh, type),
        _ => OnnxFile.Opset,
    };

    /// <summary>Writes the nodes computing <paramref name="a"/>; returns the name of its value.</summary>
    /// <exception cref="NotSupportedException">For an op ONNX export has no form for.</exception>
    public string Emit(Tensor<T> a, Tensor<T> b)
    {
        var f = a.Creator!;
        string In(int i) => value(f.Inputs[i], b.Creator!.Inputs[i]);
        string? where = Scope(f);
        switch (f)
        {
            case F.Linear<T> when f.Inputs[0].Dims.Length == 2:
                return w.Node("Gemm", where, f.Inputs.Length == 3 ? [In(0), In(1), In(2)] : [In(0), In(1)], Int("transB", 1));
            case F.Linear<T>:
                string product = w.Node("MatMul", where, [In(0), w.Node("Transpose", where, [In(1)], Ints("perm", [1, 0]))]);
                return f.Inputs.Length == 3 ? w.Node("Add", where, [product, In(2)]) : product;
            case MatMul<T>:
                return w.Node("MatMul", where, [In(0), In(1)]);
            case Permute<T> p:
                return w.Node("Transpose", where, [In(0)], Ints("perm", p.Order.Select(d => (long)d)));
            case Reshape<T>:
                return w.Node("Reshape", where, [In(0), w.Int64Vector(ReshapeTarget(a.Dims, b.Dims, f.Name))]);
            case Slice<T> s:
                return w.Node("Slice", where, [In(0), w.Int64Vector(s.Start), w.Int64Vector((long)s.Start + s.Length), w.Int64Vector(s.Axis)]);
            case Concat<T> cat:
                return w.Node("Concat", where, [.. Enumerable.Range(0, f.Inputs.Length).Select(In)], Int("axis", cat.Axis));
            case Sum<T> s:
                return s.Axis is { } axis
                    ? w.Node("ReduceSum", where, [In(0), w.Int64Vector(axis)], Int("keepdims", s.KeepDims ? 1 : 0))
                    : w.Node("ReduceSum", where, [In(0)], Int("keepdims", s.KeepDims ? 1 : 0));
            case Max<T> m:
                return w.Opset >= 18
                    ? w.Node("ReduceMax", where, [In(0), w.Int64Vector(m.Axis)], Int("keepdims", m.KeepDims ? 1 : 0))
                    : w.Node("ReduceMax", where, [In(0)], Ints("axes", [m.Axis]), Int("keepdims", m.KeepDims ? 1 : 0));
            case F.Softmax<T> s:
                return w.Node(s.IsLog ? "LogSoftmax" : "Softmax", where, [In(0)], Int("axis", s.Axis));
            case Pow<T> p:
                return w.Node("Pow", where, [In(0), w.Scalar(double.CreateChecked(p.Exponent))]);
            case Take<T> t:
                return w.Node("Gather", where, [In(0), f.Inputs.Length == 2 ? Indices(f.Inputs[1], b.Creator!.Inputs[1]) : w.Int64s([.. t.IndexShape.ToArray().Select(d => (long)d)], [.. t.Indices.ToArray().Select(i => (long)i)])], Int("axis", 0));
            case MaskedFill<T> m:
                return w.Node("Where", where, [w.Bools([.. m.MaskShape.Select(d => (long)d)], [.. m.MaskValues().Select(v => v != T.Zero)]), w.Scalar(double.CreateChecked(m.Value)), In(0)]);
            case F.LayerNorm<T> n:
                int c = f.Inputs[0].Dims[^1];
                string scale = f.Inputs.Length == 3 ? In(1) : w.Numbers([c], [.. Enumerable.Repeat(1.0, c)]);
                string bias = f.Inputs.Length == 3 ? In(2) : w.Numbers([c], new double[c]);
                return w.Node("LayerNormalization", where, [In(0), scale, bias], Int("axis", -1), Float("epsilon", (float)n.Eps));
            case F.Gelu<T> g:
                return Gelu.Write(w, where, In(0), g.Tanh);
        }
        return f.Name switch
        {
            "+" => w.Node("Add", where, [In(0), In(1)]),
            "-" => w.Node("Sub", where, [In(0), In(1)]),
            "*" => w.Node("Mul", where, [In(0), In(1)]),
            "/" => w.Node("Div", where, [In(0), In(1)]),
            "neg" => w.Node("Neg", where, [In(0)]),
            "exp" => w.Node("Exp", where, [In(0)]),
            "log" => w.Node("Log", where, [In(0)]),
            "tanh" => w.Node("Tanh", where, [In(0)]),
            "ReLU" => w.Node("Relu", where, [In(0)]),
            "sigmoid" => w.Node("Sigmoid", where, [In(0)]),
            "sqrt" => w.Node("Sqrt", where, [In(0)]),
            _ => throw new NotSupportedException($"Expected the ops of a model's forward pass, got {f.Name}, which ONNX export has no form for."),
        };
    }

    // The first parameter an op reads names the module it belongs to.
    private string? Scope(Function<T> f)
    {
        foreach (var input in f.Inputs)
            if (scope(input) is { } s) return s;
        return null;
    }

    // Token indices, as ONNX's Gather takes them: the graph's int64 input as it is, anything else cast.
    private string Indices(Tensor<T> a, Tensor<T> b) => ReferenceEquals(a, indexInput)
        ? OnnxFile.InputName
        : w.Node("Cast", null, [value(a, b)], Int("to", (long)TensorProto.Types.DataType.Int64));

    // The shape a reshape makes, with -1 where it follows the batch (it differs between the two traces).
    private static long[] ReshapeTarget(int[] a, int[] b, string op)
    {
        var target = a.Select(d => (long)d).ToArray();
        var varying = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
        if (varying.Length > 1)
            throw new NotSupportedException($"Expected a {op} whose shape follows the batch in one dimension at most, got {Shapes.Format(a)}, which follows it in {varying.Length}.");
        foreach (int i in varying) target[i] = -1;
        return target;
    }
}
