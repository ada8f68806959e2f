using Micrograd.Onnx.Proto;
using AttributeType = Micrograd.Onnx.Proto.AttributeProto.Types.AttributeType;
using DataType = Micrograd.Onnx.Proto.TensorProto.Types.DataType;

namespace Micrograd.Onnx.Import;

/// <summary>The checks onnx.checker makes, and Micrograd's own, before a graph is used: the one data input, each
/// initializer once and finite, each node of a known operator with its inputs defined before it (never its own
/// output), each value computed once, attributes of the names and types the operator takes.</summary>
internal sealed class GraphParser
{
    private readonly string _source;
    private readonly NumberBudget _budget = new(OnnxFile.MaxNumbers);
    private readonly Dictionary<string, Constant> _constants = [];
    private readonly HashSet<string> _weights = [];
    private readonly HashSet<string> _defined = [];
    private OnnxElementType? _weightType;

    private GraphParser(string source) => _source = source;

    /// <exception cref="OnnxFormatException">For a graph that breaks one of ONNX's rules.</exception>
    /// <exception cref="OnnxUnsupportedException">For an operator import does not read, naming its node.</exception>
    public static ParsedGraph Parse(GraphProto graph, long opset, string source) => new GraphParser(source).Read(graph, opset);

    private ParsedGraph Read(GraphProto graph, long opset)
    {
        foreach (var t in graph.Initializer)
        {
            if (t.Name.Length == 0) throw new OnnxFormatException($"{_source} has an initializer without a name.");
            if (!_defined.Add(t.Name)) throw new OnnxFormatException($"{_source}: initializer '{t.Name}' comes twice; each name is given once.");
            var c = OnnxTensors.Read(t, $"{_source}: tensor '{t.Name}'", _budget);
            if (c.Kind == ConstantKind.Numbers)
            {
                int bad = c.Values.AsSpan().IndexOfAny(double.PositiveInfinity, double.NegativeInfinity);
                if (bad >= 0) throw new OnnxFormatException($"{_source}: tensor '{t.Name}' holds {(c.Values[bad] > 0 ? "infinity" : "-infinity")} at position {bad}; weights must be finite numbers.");
                _weights.Add(t.Name);
                _weightType ??= OnnxTensors.ElementTypeOf(t.DataType);
            }
            _constants[t.Name] = c;
        }
        var input = ReadInput(graph);
        _defined.Add(input.Name);

        var all = graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0).ToHashSet();
        var nodes = new List<OnnxNode>();
        for (int i = 0; i < graph.Node.Count; i++)
        {
            var node = Check(graph.Node[i], i, all);
            if (node.Op == "Constant") _constants[node.Outputs[0]] = ConstantValue(node);
            else nodes.Add(node);
        }

        if (graph.Output.Count != 1)
            throw new OnnxUnsupportedException($"{_source} has {graph.Output.Count} outputs; Micrograd reads models of one.");
        string output = graph.Output[0].Name;
        if (!_defined.Contains(output)) throw new OnnxFormatException($"{_source}: the graph's output '{output}' is computed by no node.");
        var type = input.Indices ? _weightType ?? OnnxElementType.Float32 : input.ElementType;
        return new ParsedGraph(_source, opset, input, nodes, _constants, _weights, output, type, _budget);
    }

    // The one graph input that is not an initializer (files of IR version 3 list the initializers as inputs too).
    private GraphInput ReadInput(GraphProto graph)
    {
        var inputs = graph.Input.Where(i => !_constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
            throw new OnnxUnsupportedException($"{_source} has {inputs.Length} inputs ({string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}); Micrograd reads models of one.");
        var input = inputs[0];
        if (input.Type?.TensorType is not { } tensor)
            throw new OnnxUnsupportedException($"{_source}: input '{input.Name}' is not a tensor; a model takes a tensor of numbers.");
        bool indices = tensor.ElemType is (int)DataType.Int64 or (int)DataType.Int32;
        var type = indices ? OnnxElementType.Float32 : OnnxTensors.ElementTypeOf(tensor.ElemType)
            ?? throw new OnnxUnsupportedException($"{_source}: input '{input.Name}' holds {OnnxTensors.TypeName(tensor.ElemType)} numbers; expected FLOAT or DOUBLE (or INT64 token indices).");
        if (tensor.Shape is not { } shape) return new GraphInput(input.Name, [null, null], type, indices);
        if (shape.Dim.Count < 2)
            throw new OnnxUnsupportedException($"{_source}: input '{input.Name}' has rank {shape.Dim.Count}; expected [batch, features] or more dimensions.");
        var dims = new long?[shape.Dim.Count];
        for (int d = 1; d < dims.Length; d++)
        {
            var dim = shape.Dim[d];
            if (!dim.HasDimValue || dim.DimValue <= 0 || dim.DimValue > OnnxFile.MaxNumbers)
                throw new OnnxUnsupportedException($"{_source}: input '{input.Name}' has no fixed size in dimension {d + 1} ({(dim.HasDimParam ? dim.DimParam : dim.HasDimValue ? dim.DimValue.ToString() : "unknown")}); only the batch dimension may vary.");
            dims[d] = dim.DimValue;
        }
        if (dims.Skip(1).Aggregate(1.0, (n, d) => n * d!.Value) > OnnxFile.MaxNumbers)
            throw new OnnxFormatException($"{_source}: input '{input.Name}' has more than {OnnxFile.MaxNumbers:N0} numbers per example.");
        return new GraphInput(input.Name, dims, type, indices);
    }

    private OnnxNode Check(NodeProto proto, int index, HashSet<string> computedSomewhere)
    {
        string label = proto.Name.Length > 0 ? proto.Name : $"#{index + 1}";
        string what = $"{_source}: node {label} ({proto.OpType})";
        if (proto.Domain is not ("" or "ai.onnx"))
            throw new OnnxUnsupportedException($"{what} is {proto.Domain}.{proto.OpType}, an operator outside standard ONNX; Micrograd reads {OpSchemas.Listed}.", proto.OpType, label);
        if (!OpSchemas.All.TryGetValue(proto.OpType, out var schema))
            throw new OnnxUnsupportedException($"{what} is a {proto.OpType}, which Micrograd does not read; it reads {OpSchemas.Listed}.", proto.OpType, label);
        if (proto.Input.Count < schema.MinInputs || proto.Input.Count > schema.MaxInputs)
            throw new OnnxFormatException($"{what} has {proto.Input.Count} inputs; a {proto.OpType} takes {(schema.MinInputs == schema.MaxInputs ? $"{schema.MinInputs}" : $"{schema.MinInputs} to {schema.MaxInputs}")}.");
        if (proto.Output.Count == 0 || proto.Output.Count > schema.MaxOutputs || proto.Output[0].Length == 0)
            throw new OnnxFormatException($"{what} has {(proto.Output.Count == 0 || proto.Output[0].Length == 0 ? "no output" : $"{proto.Output.Count} outputs, more than a {proto.OpType} gives")}.");

        var attributes = new Dictionary<string, AttributeProto>();
        foreach (var a in proto.Attribute)
        {
            if (!schema.Attributes.TryGetValue(a.Name, out var type))
                throw new OnnxFormatException($"{what} has the attribute '{a.Name}', which a {proto.OpType} does not take.");
            if (!attributes.TryAdd(a.Name, a)) throw new OnnxFormatException($"{what} has the attribute '{a.Name}' twice.");
            if (a.Type != type)
                throw new OnnxFormatException($"{what} has the attribute '{a.Name}' of type {Name(a.Type)}; a {proto.OpType}'s {a.Name} is {Name(type)}.");
        }
        if (proto.OpType == "Constant" && attributes.Count != 1)
            throw new OnnxFormatException($"{what} has {attributes.Count} value attributes; a Constant has exactly one.");

        for (int i = 0; i < proto.Input.Count; i++)
        {
            string name = proto.Input[i];
            if (name.Length == 0)
            {
                if (i < schema.MinInputs) throw new OnnxFormatException($"{what} has no name for input {i + 1}, which a {proto.OpType} needs.");
                continue;
            }
            if (_defined.Contains(name)) continue;
            if (proto.Output.Contains(name)) throw new OnnxFormatException($"{what} reads its own output '{name}'.");
            throw new OnnxFormatException(computedSomewhere.Contains(name)
                ? $"{what} uses '{name}' before the node that computes it; nodes come in an order where each follows its inputs."
                : $"{what} uses '{name}', which no initializer or earlier node provides.");
        }
        foreach (string output in proto.Output.Where(o => o.Length > 0))
            if (!_defined.Add(output)) throw new OnnxFormatException($"{what} computes '{output}', which is already an input, an initializer or another node's output.");
        return new OnnxNode(proto.OpType, label, [.. proto.Input], [.. proto.Output], attributes);
    }

    private Constant ConstantValue(OnnxNode node)
    {
        var (name, a) = node.Attributes.Single();
        string what = $"{_source}: {node}";
        return name switch
        {
            "value" => OnnxTensors.Read(a.T, what, _budget),
            "value_float" => NotNaN(new Constant([], [a.F]), what),
            "value_floats" => NotNaN(new Constant([a.Floats.Count], [.. a.Floats.Select(f => (double)f)]), what),
            "value_int" => new Constant([], [a.I], ConstantKind.Integers, [a.I]),
            _ => new Constant([a.Ints.Count], [.. a.Ints.Select(i => (double)i)], ConstantKind.Integers, [.. a.Ints]),
        };
    }

    private static Constant NotNaN(Constant c, string what) =>
        c.Values.Any(double.IsNaN) ? throw new OnnxFormatException($"{what} holds NaN; a model's numbers must be numbers.") : c;

    private static string Name(AttributeType type) => type.ToString().ToUpperInvariant();
}
