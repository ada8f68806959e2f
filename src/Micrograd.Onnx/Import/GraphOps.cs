using System.Numerics;
using Micrograd.Tensors;
using DataType = Micrograd.Onnx.Proto.TensorProto.Types.DataType;

namespace Micrograd.Onnx.Import;

/// <summary>Each operator import reads, as the tensor ops it stands for, so that an imported graph trains:
/// Gemm as Linear (or MatMul), Where on a constant mask as MaskedFill, Gather of rows as Take, and so on.
/// Shapes, axes and exponents must be constants.</summary>
internal sealed class GraphOps<T>(ParsedGraph graph, Func<string, Tensor<T>> value) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <exception cref="ArgumentException">When the inputs do not fit the operator.</exception>
    /// <exception cref="OnnxUnsupportedException">For a form Micrograd does not compute.</exception>
    public Tensor<T> Node(OnnxNode n)
    {
        Tensor<T> In(int i) => value(n.Inputs[i]);
        CheckIndexUse(n);
        switch (n.Op)
        {
            case "Identity" or "Dropout": return In(0);
            case "Add": return In(0) + In(1);
            case "Sub": return In(0) - In(1);
            case "Mul": return In(0) * In(1);
            case "Div": return In(0) / In(1);
            case "Neg": return -In(0);
            case "Exp": return In(0).Exp();
            case "Log": return In(0).Log();
            case "Sqrt": return In(0).Sqrt();
            case "Tanh": return In(0).Tanh();
            case "Relu": return In(0).Relu();
            case "Sigmoid": return In(0).Sigmoid();
            case "MatMul": return In(0).MatMul(In(1));
            case "Gemm": return Gemm(n, In(0), In(1), n.Input(2) is { } c ? value(c) : null);
            case "Pow":
                var exponent = Numbers(n, 1);
                if (exponent.Values.Length != 1) throw Unsupported(n, "raises to a tensor of exponents; Micrograd raises to one constant number.");
                return In(0).Pow(T.CreateChecked(exponent.Values[0]));
            case "Gelu":
                return n.String("approximate") switch
                {
                    null or "none" => In(0).Gelu(),
                    "tanh" => In(0).Gelu(tanhApproximation: true),
                    var other => throw Unsupported(n, $"has approximate = '{other}'; expected 'none' or 'tanh'."),
                };
            case "Softmax" or "LogSoftmax": return Softmax(n, In(0), n.Op == "LogSoftmax");
            case "LayerNormalization":
                var x = In(0);
                if (n.Int("axis", -1) is var axis && axis != -1 && axis != x.Shape.Count - 1)
                    throw Unsupported(n, $"normalizes from axis {axis}; Micrograd normalizes over the last axis.");
                var scale = In(1);
                var bias = n.Input(2) is { } b ? value(b) : Tensor<T>.Zeros([.. scale.Shape]);
                return x.LayerNorm(scale, bias, ShortestDouble(n.Float("epsilon", 1e-5f)));
            case "Transpose":
                var perm = n.Ints("perm") ?? [.. Enumerable.Range(0, In(0).Shape.Count).Reverse().Select(d => (long)d)];
                return In(0).Permute([.. perm.Select(d => (int)d)]);
            case "Reshape": return Reshape(n, In(0));
            case "Flatten": return Flatten(n, In(0));
            case "Slice": return Slice(n, In(0));
            case "Concat": return Tensor<T>.Concat([.. n.Inputs.Where(i => i.Length > 0).Select(value)], (int)n.Int("axis", 0));
            case "ReduceSum" or "ReduceMean" or "ReduceMax": return Reduce(n, In(0));
            case "Gather":
                if (n.Int("axis", 0) != 0) throw Unsupported(n, $"gathers along axis {n.Int("axis", 0)}; Micrograd gathers rows (axis 0).");
                if (graph.Constants.TryGetValue(n.Inputs[1], out var rows) && !graph.Weights.Contains(n.Inputs[1]))
                    return In(0).Take([.. Integers(n, rows).Select(i => checked((int)i))], [.. rows.Dims.Select(d => (int)d)]);
                return In(0).Take(In(1));
            case "Where": return Where(n);
            case "Cast":
                return (DataType)n.Int("to", 0) is DataType.Float or DataType.Double or DataType.Int64 or DataType.Int32
                    ? In(0) : throw Unsupported(n, $"casts to {OnnxTensors.TypeName((int)n.Int("to", 0))}; Micrograd casts to FLOAT, DOUBLE, INT64 or INT32.");
        }
        throw Unsupported(n, $"is a {n.Op}, which Micrograd does not compute.");
    }

    // Token indices (an INT64 input) may only be gathered by, or cast.
    private void CheckIndexUse(OnnxNode n)
    {
        if (!graph.Input.Indices || n.Op is "Cast" or "Identity") return;
        for (int i = 0; i < n.Inputs.Length; i++)
            if (n.Inputs[i] == graph.Input.Name && !(n.Op == "Gather" && i == 1))
                throw Unsupported(n, $"reads the input '{graph.Input.Name}', which holds INT64 token indices; only a Gather (an embedding) reads them.");
    }

    private static Tensor<T> Gemm(OnnxNode n, Tensor<T> a, Tensor<T> b, Tensor<T>? c)
    {
        float alpha = n.Float("alpha", 1), beta = n.Float("beta", 1);
        if (n.Int("transA", 0) != 0) a = a.Transpose();
        bool transB = n.Int("transB", 0) != 0;
        if (alpha == 1 && beta == 1 && transB && c is { Shape.Count: 1 }) return a.Linear(b, c);
        var y = transB ? a.Linear(b) : a.MatMul(b);
        if (alpha != 1) y *= T.CreateChecked(alpha);
        if (c is null) return y;
        return y + (beta == 1 ? c : c * T.CreateChecked(beta));
    }

    private Tensor<T> Softmax(OnnxNode n, Tensor<T> x, bool log)
    {
        int rank = x.Shape.Count;
        int axis = (int)n.Int("axis", graph.Opset >= 13 ? -1 : 1);
        if (axis < 0) axis += rank;
        if (graph.Opset >= 13 || axis == rank - 1) return log ? x.LogSoftmax(axis) : x.Softmax(axis);
        // Before operator set 13, softmax ran over everything from the axis on, as one row.
        var shape = x.Shape.ToArray();
        var rows = x.Reshape(shape[..axis].Aggregate(1, (p, d) => p * d), -1);
        return (log ? rows.LogSoftmax(1) : rows.Softmax(1)).Reshape(shape);
    }

    private Tensor<T> Reshape(OnnxNode n, Tensor<T> x)
    {
        var target = Integers(n, Numbers(n, 1));
        var shape = new int[target.Length];
        for (int i = 0; i < shape.Length; i++)
            shape[i] = target[i] == 0 && n.Int("allowzero", 0) == 0 ? (i < x.Shape.Count ? x.Shape[i] : throw new ArgumentException($"Expected a dimension {i + 1} to copy from {Shapes.Format([.. x.Shape])}."))
                : target[i] is >= -1 and <= int.MaxValue ? (int)target[i] : throw new ArgumentException($"Expected dimensions of -1 or more, got {target[i]}.");
        return x.Reshape(shape);
    }

    private static Tensor<T> Flatten(OnnxNode n, Tensor<T> x)
    {
        int rank = x.Shape.Count, axis = (int)n.Int("axis", 1);
        if (axis < 0) axis += rank; // -1 on a rank-2 input is axis 1
        if (axis < 0 || axis > rank) throw new ArgumentException($"Expected an axis from {-rank} to {rank} for a tensor of rank {rank}, got {n.Int("axis", 1)}.");
        var shape = x.Shape.ToArray();
        return x.Reshape(shape[..axis].Aggregate(1, (p, d) => p * d), shape[axis..].Aggregate(1, (p, d) => p * d));
    }

    private Tensor<T> Slice(OnnxNode n, Tensor<T> x)
    {
        long[] starts, ends, axes;
        long[]? steps = null;
        if (n.Inputs.Length == 1) (starts, ends, axes) = (n.Ints("starts") ?? [], n.Ints("ends") ?? [], n.Ints("axes") ?? []);
        else
        {
            starts = Integers(n, Numbers(n, 1));
            ends = Integers(n, Numbers(n, 2));
            axes = n.Input(3) is not null ? Integers(n, Numbers(n, 3)) : [];
            steps = n.Input(4) is not null ? Integers(n, Numbers(n, 4)) : null;
        }
        if (axes.Length == 0) axes = [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
        if (starts.Length != ends.Length || axes.Length != starts.Length || (steps is not null && steps.Length != starts.Length))
            throw new ArgumentException($"Expected as many starts, ends, axes and steps, got {starts.Length}, {ends.Length}, {axes.Length} and {steps?.Length ?? starts.Length}.");
        if (steps is not null && steps.Any(s => s != 1)) throw Unsupported(n, "slices with a step other than 1; Micrograd slices every element in a stretch.");
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = (int)(axes[i] < 0 ? axes[i] + x.Shape.Count : axes[i]);
            if (axis < 0 || axis >= x.Shape.Count) throw new ArgumentException($"Expected an axis of a tensor of rank {x.Shape.Count}, got {axes[i]}.");
            long size = x.Shape[axis];
            long start = Math.Clamp(starts[i] < 0 ? starts[i] + size : starts[i], 0, size);
            long end = Math.Clamp(ends[i] < 0 ? ends[i] + size : ends[i], 0, size);
            x = x.Slice(axis, (int)start, (int)Math.Max(0, end - start));
        }
        return x;
    }

    private Tensor<T> Reduce(OnnxNode n, Tensor<T> x)
    {
        bool keep = n.Int("keepdims", 1) != 0;
        long[]? given = n.Input(1) is not null ? Integers(n, Numbers(n, 1)) : n.Ints("axes");
        if (given is null or { Length: 0 })
        {
            if (n.Int("noop_with_empty_axes", 0) != 0) return x;
            given = [.. Enumerable.Range(0, x.Shape.Count).Select(d => (long)d)];
        }
        var axes = given.Select(a => (int)(a < 0 ? a + x.Shape.Count : a)).Distinct().OrderDescending().ToArray();
        foreach (int axis in axes)
            x = n.Op switch { "ReduceSum" => x.Sum(axis, keep), "ReduceMean" => x.Mean(axis, keep), _ => x.Max(axis, keep) };
        return x;
    }

    // Where(mask, a, b) with a constant mask and one side a constant number: a masked fill of the other side.
    private Tensor<T> Where(OnnxNode n)
    {
        var mask = Numbers(n, 0);
        bool[] on = [.. mask.Values.Select(v => v != 0)];
        int[] shape = [.. mask.Dims.Select(d => (int)d)];
        if (Scalar(n.Inputs[1]) is { } a) return value(n.Inputs[2]).MaskedFill(on, shape, T.CreateChecked(a));
        if (Scalar(n.Inputs[2]) is { } b) return value(n.Inputs[1]).MaskedFill([.. on.Select(v => !v)], shape, T.CreateChecked(b));
        throw Unsupported(n, "chooses between two tensors; Micrograd reads a Where whose one side is a constant number (a masked fill).");
    }

    private double? Scalar(string name) =>
        graph.Constants.TryGetValue(name, out var c) && !graph.Weights.Contains(name) && c.Values.Length == 1 ? c.Values[0] : null;

    // A constant input (a shape, axes, a mask): computed values are refused, as Micrograd's graphs are static.
    private Constant Numbers(OnnxNode n, int index) =>
        n.Input(index) is { } name && graph.Constants.TryGetValue(name, out var c)
            ? c
            : throw Unsupported(n, $"takes input {index + 1} ('{n.Input(index)}') from the data; Micrograd reads it only as a constant.");

    private static long[] Integers(OnnxNode n, Constant c) =>
        c.Integers ?? throw new ArgumentException($"Expected integers (INT64) for {n.Op}'s shape or axes, got numbers.");

    // The float attribute as the double a person wrote: 1e-5 stored as float comes back as 1e-5, not 9.99999974737875E-06.
    internal static double ShortestDouble(float x) => double.Parse(x.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private OnnxUnsupportedException Unsupported(OnnxNode n, string what) => new($"{graph.Source}: {n} {what}", n.Op, n.Label);
}
