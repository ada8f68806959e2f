using Google.Protobuf;
using Micrograd.Onnx.Proto;
using AttributeType = Micrograd.Onnx.Proto.AttributeProto.Types.AttributeType;
using DataType = Micrograd.Onnx.Proto.TensorProto.Types.DataType;

namespace Micrograd.Onnx.Export;

/// <summary>The nodes and initializers of a graph being written, with names that are unique and say where each
/// value comes from: a node is named after the module whose parameter it uses ("/0/Gemm"), else after its
/// operator ("/Relu_2").</summary>
internal sealed class GraphWriter(OnnxElementType type, long opset)
{
    private readonly HashSet<string> _names = [];
    private int _constants;

    public OnnxElementType Type { get; } = type;

    /// <summary>The operator set the graph is written for: some operators changed form (ReduceMax's axes, an
    /// input since 18).</summary>
    public long Opset { get; } = opset;

    public List<NodeProto> Nodes { get; } = [];

    public List<TensorProto> Initializers { get; } = [];

    /// <summary>Adds a node; returns the name of its output.</summary>
    public string Node(string op, string? scope, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        string name = Unique(scope is null ? $"/{op}" : $"/{scope}/{op}");
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(Unique($"{name}_output_0"));
        node.Attribute.AddRange(attributes);
        Nodes.Add(node);
        return node.Output[0];
    }

    /// <summary>A parameter: an initializer of the graph's number type, named by its state-dict name.</summary>
    public string Parameter(string name, long[] dims, double[] values)
    {
        Initializers.Add(OnnxTensors.Create(Unique(name), dims, values, Type));
        return Initializers[^1].Name;
    }

    /// <summary>A constant of the graph's number type (a Constant node, so that only parameters are initializers).</summary>
    public string Numbers(long[] dims, double[] values) => Constant(OnnxTensors.Create("", dims, values, Type));

    public string Scalar(double value) => Numbers([], [value]);

    public string Int64s(long[] dims, params long[] values)
    {
        var tensor = new TensorProto { DataType = (int)DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        return Constant(tensor);
    }

    public string Int64Vector(params long[] values) => Int64s([values.Length], values);

    public string Bools(long[] dims, bool[] values)
    {
        var tensor = new TensorProto { DataType = (int)DataType.Bool };
        tensor.Dims.AddRange(dims);
        tensor.Int32Data.AddRange(values.Select(v => v ? 1 : 0));
        return Constant(tensor);
    }

    private string Constant(TensorProto value)
    {
        var node = new NodeProto { OpType = "Constant", Name = Unique($"/Constant_{_constants++}") };
        node.Output.Add(Unique($"{node.Name}_output_0"));
        node.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeType.Tensor, T = value });
        Nodes.Add(node);
        return node.Output[0];
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto String(string name, string value) => new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>Claims <paramref name="name"/>, or the name with the first free suffix ("_1", "_2", ...).</summary>
    public string Unique(string name)
    {
        if (_names.Add(name)) return name;
        for (int i = 1; ; i++)
            if (_names.Add($"{name}_{i}")) return $"{name}_{i}";
    }
}
