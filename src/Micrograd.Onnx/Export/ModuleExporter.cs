using System.Numerics;
using Micrograd.Onnx.Proto;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx.Export;

/// <summary>A module as an ONNX graph: its forward pass traced on two batch sizes, each op written as ONNX
/// nodes, each parameter an initializer named by its state-dict name, the batch dimension symbolic.</summary>
internal static class ModuleExporter
{
    /// <exception cref="ArgumentException">When the module does not take <paramref name="input"/>.</exception>
    /// <exception cref="NotSupportedException">For an op ONNX export has no form for, or a graph that changes
    /// with the batch size.</exception>
    public static GraphProto Graph<T>(Module<T> module, ModelInput input, OnnxElementType type, bool outputSoftmax, out long opset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = ModuleTrace<T>.Of(module, input, 2);
        var b = ModuleTrace<T>.Of(module, input, 3);
        if (a.Computed.Count != b.Computed.Count || a.Computed.Where((t, i) => t.Creator!.Name != b.Computed[i].Creator!.Name).Any())
            throw new NotSupportedException($"Expected a {module.Kind} whose ops are the same for any batch size, got different ops for batches of 2 and 3.");
        opset = a.Computed.Select(t => FunctionNodes<T>.OpsetFor(t.Creator!, type)).DefaultIfEmpty(OnnxFile.Opset).Max();

        var w = new GraphWriter(type, opset);
        var parameters = new Dictionary<Tensor<T>, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, p) in module.NamedParameters()) parameters.TryAdd(p, name);
        var names = new Dictionary<Tensor<T>, string>(ReferenceEqualityComparer.Instance) { [a.Input] = OnnxFile.InputName };
        string? numbersOfInput = null; // token indices as numbers, for an op other than Gather that reads them

        string Value(Tensor<T> ta, Tensor<T> tb)
        {
            if (ReferenceEquals(ta, a.Input))
                return !input.Indices ? OnnxFile.InputName
                    : numbersOfInput ??= w.Node("Cast", null, [OnnxFile.InputName], GraphWriter.Int("to", OnnxTensors.DataTypeOf(type)));
            if (names.TryGetValue(ta, out var known)) return known;
            if (!ta.Dims.AsSpan().SequenceEqual(tb.Dims))
                throw new NotSupportedException($"Expected constants of the same shape for any batch size, got {Shapes.Format(ta.Dims)} and {Shapes.Format(tb.Dims)}.");
            var values = ta.ToArray().Select(double.CreateChecked).ToArray();
            long[] dims = [.. ta.Dims.Select(d => (long)d)];
            if (!parameters.TryGetValue(ta, out var parameter)) return names[ta] = w.Numbers(dims, values);
            if (Array.FindIndex(values, v => !double.IsFinite(v)) is var at and >= 0)
                throw new ArgumentException($"Expected finite parameters, got {values[at]} in '{parameter}' at position {at}.", nameof(module));
            return names[ta] = w.Parameter(parameter, dims, values);
        }
        string? Scope(Tensor<T> t) => parameters.TryGetValue(t, out var name) && name.LastIndexOf('.') is var dot and > 0 ? name[..dot] : null;

        var nodes = new FunctionNodes<T>(w, Value, Scope, input.Indices ? a.Input : null);
        foreach (var (ta, tb) in a.Computed.Zip(b.Computed)) names[ta] = nodes.Emit(ta, tb);
        string last = Value(a.Output, b.Output);
        if (outputSoftmax) last = w.Node("Softmax", null, [last], GraphWriter.Int("axis", -1));
        if (last == OnnxFile.InputName || w.Initializers.Any(t => t.Name == last) || w.Nodes.Any(n => n.Input.Contains(last)))
            last = w.Node("Identity", null, [last]);
        w.Nodes[^1].Output[0] = OnnxFile.OutputName;

        var graph = new GraphProto { Name = $"micrograd_{module.Kind}" };
        graph.Node.AddRange(w.Nodes);
        graph.Initializer.AddRange(w.Initializers);
        graph.Input.Add(ValueInfo(OnnxFile.InputName, input.Indices ? (int)TensorProto.Types.DataType.Int64 : OnnxTensors.DataTypeOf(type), [2, .. input.Shape], [3, .. input.Shape]));
        graph.Output.Add(ValueInfo(OnnxFile.OutputName, OnnxTensors.DataTypeOf(type), a.Output.Dims, b.Output.Dims));
        return graph;
    }

    // A tensor type whose dimensions that follow the batch (2 in one trace, 3 in the other) are "batch", and
    // whose other dimensions that vary are left unnamed.
    private static ValueInfoProto ValueInfo(string name, int elementType, int[] a, int[] b)
    {
        var shape = new TensorShapeProto();
        for (int d = 0; d < a.Length; d++)
            shape.Dim.Add(a[d] == b[d] ? new TensorShapeProto.Types.Dimension { DimValue = a[d] }
                : a[d] == 2 && b[d] == 3 ? new TensorShapeProto.Types.Dimension { DimParam = OnnxFile.BatchDimension }
                : new TensorShapeProto.Types.Dimension());
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } } };
    }
}
