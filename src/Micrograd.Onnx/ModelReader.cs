using Micrograd.Onnx.Proto;

namespace Micrograd.Onnx;

/// <summary>The checks on a model as a whole before its graph is read: IR version, operator set, the one input.</summary>
internal static class ModelReader
{
    /// <summary>The model <paramref name="model"/> holds.</summary>
    public static OnnxModel Read(ModelProto model, string source)
    {
        if (model.IrVersion <= 0)
            throw new OnnxFormatException($"{source} is not an ONNX model: it states no IR version.");
        if (model.Graph is not { } graph)
            throw new OnnxFormatException($"{source} is not an ONNX model: it has no graph.");
        if (model.OpsetImport.LastOrDefault(o => o.Domain is "" or "ai.onnx") is not { } standard)
            throw new OnnxFormatException($"{source} states no version of the standard ONNX operator set.");
        if (standard.Version < OnnxFile.MinImportOpset)
            throw new OnnxUnsupportedException($"{source} uses ONNX operator set {standard.Version}; Micrograd reads {OnnxFile.MinImportOpset} and later.");

        var input = Input(graph, source, out var elementType);
        var mlp = GraphReader.Read(graph, standard.Version, input, source, OnnxFile.MaxNumbers);
        var notes = new Dictionary<string, string>();
        foreach (var entry in model.MetadataProps) notes[entry.Key] = entry.Value;
        string producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
        return new OnnxModel(mlp, source, elementType, input.Name, graph.Output[0].Name, model.IrVersion, standard.Version, producer, notes);
    }

    // The one graph input that is not an initializer (files of IR version 3 list the initializers as inputs too).
    private static GraphInput Input(GraphProto graph, string source, out OnnxElementType elementType)
    {
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet();
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToArray();
        if (inputs.Length != 1)
            throw new OnnxUnsupportedException($"{source} has {inputs.Length} inputs ({string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}); an MLP has one.");
        var input = inputs[0];
        if (input.Type?.TensorType is not { } tensor)
            throw new OnnxUnsupportedException($"{source}: input '{input.Name}' is not a tensor; an MLP takes a tensor of numbers.");
        elementType = OnnxTensors.ElementTypeOf(tensor.ElemType)
            ?? throw new OnnxUnsupportedException($"{source}: input '{input.Name}' holds {OnnxTensors.TypeName(tensor.ElemType)} numbers; expected FLOAT or DOUBLE.");
        if (tensor.Shape is not { } shape) return new GraphInput(input.Name, 2, null);

        if (shape.Dim.Count < 2)
            throw new OnnxUnsupportedException($"{source}: input '{input.Name}' has rank {shape.Dim.Count}; expected [batch, features].");
        long width = 1;
        for (int d = 1; d < shape.Dim.Count; d++)
        {
            var dim = shape.Dim[d];
            if (!dim.HasDimValue || dim.DimValue <= 0)
                throw new OnnxUnsupportedException($"{source}: input '{input.Name}' has no fixed size in dimension {d + 1} ({(dim.HasDimParam ? dim.DimParam : "unknown")}); only the batch dimension may vary.");
            width = dim.DimValue > OnnxFile.MaxNumbers / width ? OnnxFile.MaxNumbers + 1 : width * dim.DimValue;
        }
        if (width > OnnxFile.MaxNumbers)
            throw new OnnxFormatException($"{source}: input '{input.Name}' has more than {OnnxFile.MaxNumbers:N0} features per example.");
        return new GraphInput(input.Name, shape.Dim.Count, (int)width);
    }
}
