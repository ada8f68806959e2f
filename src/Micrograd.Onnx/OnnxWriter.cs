using Micrograd.Nn;
using Micrograd.Onnx.Proto;
using AttributeType = Micrograd.Onnx.Proto.AttributeProto.Types.AttributeType;

namespace Micrograd.Onnx;

/// <summary>
/// An <see cref="MlpDescription"/> as an ONNX model: per layer a Gemm (y = x·Wᵀ + b, W stored [out, in] as
/// PyTorch stores it) and the activation's node, then a Softmax where asked.
/// </summary>
internal static class OnnxWriter
{
    /// <summary>The model's protobuf message.</summary>
    public static ModelProto Write(MlpDescription mlp, OnnxExportOptions options)
    {
        var graph = new GraphProto
        {
            Name = "micrograd_mlp",
            DocString = $"An MLP {mlp.InputCount}-{string.Join("-", mlp.Layers.Select(l => l.OutputCount))} exported by Micrograd. " +
                        $"Input '{OnnxFile.InputName}': [{OnnxFile.BatchDimension}, {mlp.InputCount}]; output '{OnnxFile.OutputName}': " +
                        $"[{OnnxFile.BatchDimension}, {mlp.OutputCount}]{(mlp.OutputSoftmax ? ", probabilities (softmax over the last layer's outputs)" : "")}.",
        };
        graph.Input.Add(ValueInfo(OnnxFile.InputName, options.ElementType, mlp.InputCount));
        graph.Output.Add(ValueInfo(OnnxFile.OutputName, options.ElementType, mlp.OutputCount));

        var nodes = new List<NodeProto>();
        string x = OnnxFile.InputName;
        for (int l = 0; l < mlp.Layers.Count; l++)
        {
            var layer = mlp.Layers[l];
            string prefix = $"L{l + 1}";
            graph.Initializer.Add(OnnxTensors.Create($"{prefix}.weight", [layer.OutputCount, layer.InputCount], layer.Weights, options.ElementType));
            graph.Initializer.Add(OnnxTensors.Create($"{prefix}.bias", [layer.OutputCount], layer.Biases, options.ElementType));
            x = Add(nodes, Node("Gemm", $"{prefix}/Gemm", [x, $"{prefix}.weight", $"{prefix}.bias"], Int("transB", 1)));
            if (OpType(layer.Activation) is { } op) x = Add(nodes, Node(op, $"{prefix}/{op}", [x]));
        }
        if (mlp.OutputSoftmax) Add(nodes, Node("Softmax", "Softmax", [x], Int("axis", -1)));
        nodes[^1].Output[0] = OnnxFile.OutputName;
        graph.Node.AddRange(nodes);

        var model = new ModelProto
        {
            IrVersion = OnnxFile.IrVersion,
            ProducerName = "Micrograd",
            ProducerVersion = typeof(OnnxWriter).Assembly.GetName().Version?.ToString(3) ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxFile.Opset });
        foreach (var (key, value) in options.Notes ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>The ONNX operator of an activation; null for Linear, which needs none.</summary>
    public static string? OpType(Activation activation) => activation switch
    {
        Activation.Linear => null,
        Activation.ReLU => "Relu",
        Activation.Tanh => "Tanh",
        Activation.Sigmoid => "Sigmoid",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Linear, ReLU, Tanh or Sigmoid."),
    };

    private static string Add(List<NodeProto> nodes, NodeProto node)
    {
        nodes.Add(node);
        return node.Output[0];
    }

    private static NodeProto Node(string op, string name, string[] inputs, AttributeProto? attribute = null)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add($"{name}_output");
        if (attribute is not null) node.Attribute.Add(attribute);
        return node;
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = OnnxFile.BatchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxTensors.DataTypeOf(type), Shape = shape } },
        };
    }
}
