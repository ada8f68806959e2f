namespace Micrograd.Onnx;

/// <summary>How <see cref="OnnxFile"/> exports a model.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>The number type of the input, the weights and the output; float32 by default.</summary>
    public OnnxElementType ElementType { get; init; } = OnnxElementType.Float32;

    /// <summary>What the module takes per example, for tracing its forward pass; by default what its first
    /// layers say (<see cref="Tensors.Nn.ModelInput.Of"/>).</summary>
    public Tensors.Nn.ModelInput? Input { get; init; }

    /// <summary>Whether a Softmax over the last layer's outputs ends the graph, so that it outputs
    /// probabilities: right for a model trained with cross-entropy, whose outputs are logits.</summary>
    public bool OutputSoftmax { get; init; }

    /// <summary>Notes stored as the model's metadata (ONNX's metadata_props), such as a model file's notes;
    /// import gives them back in <see cref="OnnxModel.Notes"/>.</summary>
    public IReadOnlyDictionary<string, string>? Notes { get; init; }
}
