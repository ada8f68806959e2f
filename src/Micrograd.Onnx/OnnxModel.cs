using System.Numerics;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx;

/// <summary>
/// An MLP read from an ONNX file (<see cref="OnnxFile.Load"/>): its shape, its weights, and what the file
/// says about itself. <see cref="ToMLP"/> makes a Micrograd network of it.
/// </summary>
public sealed class OnnxModel
{
    private readonly MlpDescription _mlp;

    internal OnnxModel(MlpDescription mlp, string source, OnnxElementType elementType, string inputName, string outputName,
        long irVersion, long opset, string producer, IReadOnlyDictionary<string, string> notes)
    {
        _mlp = mlp;
        Source = source;
        ElementType = elementType;
        InputName = inputName;
        OutputName = outputName;
        IrVersion = irVersion;
        Opset = opset;
        Producer = producer;
        Notes = notes;
    }

    /// <summary>Where the model came from, as messages name it.</summary>
    public string Source { get; }

    /// <summary>The number of inputs per example (the features after any Flatten).</summary>
    public int InputCount => _mlp.InputCount;

    public int OutputCount => _mlp.OutputCount;

    public IReadOnlyList<int> LayerSizes => _mlp.Layers.Select(l => l.OutputCount).ToArray();

    /// <summary>Each layer's activation, in order (Linear where none follows it).</summary>
    public IReadOnlyList<Activation> Activations => _mlp.Layers.Select(l => l.Activation).ToArray();

    /// <summary>Whether the graph ends with a softmax, so that its outputs are probabilities. The networks
    /// <see cref="ToMLP"/> makes give the scores before it (the logits), as a model trained with
    /// cross-entropy does.</summary>
    public bool OutputSoftmax => _mlp.OutputSoftmax;

    public OnnxElementType ElementType { get; }

    /// <summary>The graph's input, such as "input" (Micrograd's export) or "x" (as named in torch.onnx.export).</summary>
    public string InputName { get; }

    public string OutputName { get; }

    public long IrVersion { get; }

    /// <summary>The version of the standard operator set the file uses.</summary>
    public long Opset { get; }

    /// <summary>The program that wrote the file, such as "pytorch 1.13.0" or "Micrograd 0.1.0" (empty if unsaid).</summary>
    public string Producer { get; }

    /// <summary>The file's metadata (ONNX's metadata_props): for Micrograd's export, the model file's notes.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    /// <summary>A new Micrograd MLP with these weights; its outputs are the graph's, before any softmax.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation, which
    /// <see cref="MLP"/> cannot hold, or when there are more than <see cref="Serialization.ModelFile.MaxParameters"/>
    /// (1,000,000), as for a model file: each is a Value of its own.</exception>
    public MLP ToMLP() => _mlp.ToMLP(Source);

    /// <summary>A new tensor MLP with these weights (rounded to <typeparamref name="T"/>); its outputs are the
    /// graph's, before any softmax.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation, which
    /// <see cref="TensorMLP{T}"/> cannot hold.</exception>
    public TensorMLP<T> ToTensorMLP<T>() where T : unmanaged, IFloatingPointIeee754<T> => _mlp.ToWeights(Source).ToTensorMLP<T>();

    /// <summary>The architecture in words, as <see cref="Serialization.ModelFile.Shape"/> gives it, plus the softmax.</summary>
    public override string ToString() =>
        $"{InputCount}-{string.Join("-", LayerSizes)} ({string.Join(", ", Activations.Select(a => a.Name()))}{(OutputSoftmax ? ", Softmax" : "")})";
}
