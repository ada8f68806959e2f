using Google.Protobuf;
using Micrograd.Onnx.Proto;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>Builds small ONNX models by hand, node by node, for the forms and faults the exporters at hand do
/// not produce.</summary>
internal sealed class GraphBuilder
{
    private readonly ModelProto _model;

    /// <summary>A model with one float input "x" of shape [batch, <paramref name="inputs"/>].</summary>
    public GraphBuilder(int inputs, long opset = 13)
    {
        _model = new ModelProto { IrVersion = 8, Graph = new GraphProto { Name = "test" } };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        _model.Graph.Input.Add(ValueInfo("x", 1, inputs));
    }

    /// <summary>The model's message, to change before <see cref="Bytes"/>.</summary>
    public ModelProto Model => _model;

    /// <summary>Adds a float initializer.</summary>
    public GraphBuilder Tensor(string name, long[] dims, params double[] values)
    {
        _model.Graph.Initializer.Add(OnnxTensors.Create(name, dims, values, OnnxElementType.Float32));
        return this;
    }

    /// <summary>Adds a node with one output.</summary>
    public GraphBuilder Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{_model.Graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _model.Graph.Node.Add(node);
        return this;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An attribute of integers.</summary>
    public static AttributeProto Ints(string name, long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>The model's bytes, with <paramref name="output"/> as its output.</summary>
    public byte[] Bytes(string output, int outputs = 1)
    {
        _model.Graph.Output.Clear();
        _model.Graph.Output.Add(ValueInfo(output, 1, outputs));
        return _model.ToByteArray();
    }

    /// <summary>A float tensor [batch, <paramref name="width"/>].</summary>
    public static ValueInfoProto ValueInfo(string name, int elementType, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } } };
    }
}
