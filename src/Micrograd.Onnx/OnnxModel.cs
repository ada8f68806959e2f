using System.Numerics;
using Micrograd.Nn;
using Micrograd.Onnx.Import;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Onnx;

/// <summary>
/// A model read from an ONNX file (<see cref="OnnxFile.Load"/>), checked and run once on a sample batch:
/// <see cref="ToModule{T}"/> makes a trainable Micrograd network of it, with what the file says about itself.
/// </summary>
public sealed class OnnxModel
{
    private readonly ParsedGraph _graph;
    private readonly (ModuleSpec Spec, ModelParameter[] Parameters)? _chain;
    private readonly Lazy<MlpView?> _mlp;
    private object? _checked; // the module the load ran once, for the first ToModule in its type

    internal OnnxModel(ParsedGraph graph, (ModuleSpec, ModelParameter[])? chain, long irVersion, string producer, IReadOnlyDictionary<string, string> notes)
    {
        (_graph, _chain, IrVersion, Producer, Notes) = (graph, chain, irVersion, producer, notes);
        _mlp = new(() => _chain is { } c ? MlpView.Of(c.Spec, c.Parameters) : null);
        var dims = graph.Input.Dims.Skip(1).ToArray();
        Input = dims.All(d => d is not null) ? new ModelInput([.. dims.Select(d => (int)d!.Value)], graph.Input.Indices)
            : chain is { } known ? ModelInput.Of(known.Item1) : null;
    }

    /// <summary>Where the model came from, as messages name it.</summary>
    public string Source => _graph.Source;

    /// <summary>The number type of its weights and data: FLOAT or DOUBLE.</summary>
    public OnnxElementType ElementType => _graph.ElementType;

    /// <summary>The graph's input, such as "input" (Micrograd's export) or "x" (as named in torch.onnx.export).</summary>
    public string InputName => _graph.Input.Name;

    public string OutputName => _graph.Output;

    /// <summary>What the model takes per example (the dimensions after the batch), or null when the file says no
    /// size and its first layer does not either.</summary>
    public ModelInput? Input { get; }

    public long IrVersion { get; }

    /// <summary>The version of the standard operator set the file uses.</summary>
    public long Opset => _graph.Opset;

    /// <summary>The program that wrote the file, such as "pytorch 1.13.0" or "Micrograd 0.1.0" (empty if unsaid).</summary>
    public string Producer { get; }

    /// <summary>The file's metadata (ONNX's metadata_props): for Micrograd's export, the model file's notes.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    /// <summary>True when the graph is a chain of layers that <see cref="ToModule{T}"/> makes a Sequential of
    /// (which a model file can hold); false when it runs as an <see cref="OnnxGraph{T}"/>.</summary>
    public bool IsChain => _chain is not null;

    /// <summary>The module tree of a chain (see <see cref="IsChain"/>), or null.</summary>
    public ModuleSpec? Spec => _chain?.Spec;

    /// <summary>A new trainable network computing the graph, its weights rounded to <typeparamref name="T"/>: a
    /// Sequential of Linear, Embedding, LayerNorm, activation, Softmax, Dropout and Flatten modules where the graph
    /// is a chain of them, else an <see cref="OnnxGraph{T}"/> that runs each node as tensor ops.</summary>
    public Module<T> ToModule<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Interlocked.Exchange(ref _checked, null) is Module<T> ran) return ran;
        if (_chain is not { } chain) return new OnnxGraph<T>(_graph);
        try
        {
            return ModelTree.Build<T>(chain.Spec, chain.Parameters, Source);
        }
        catch (ModelFormatException e)
        {
            throw new OnnxFormatException(e.Message);
        }
    }

    internal void Keep(object module) => _checked = module;

    /// <summary>The number of inputs per example (the features after any Flatten).</summary>
    /// <exception cref="OnnxUnsupportedException">When the model is not an MLP (also for the members below).</exception>
    public int InputCount => Mlp.Weights.InputCount;

    public int OutputCount => Mlp.Weights.OutputCount;

    public IReadOnlyList<int> LayerSizes => [.. Mlp.Weights.Layers.Select(l => l.OutputCount)];

    /// <summary>Each layer's activation, in order (Linear where none follows it).</summary>
    public IReadOnlyList<Activation> Activations => [.. Mlp.Weights.Layers.Select(l => l.Activation)];

    /// <summary>Whether the MLP ends with a softmax, so that its outputs are probabilities; <see cref="ToMLP"/>
    /// and <see cref="ToTensorMLP{T}"/> give the scores before it, <see cref="ToModule{T}"/> keeps it.</summary>
    public bool OutputSoftmax => Mlp.Softmax;

    /// <summary>True when the graph is an MLP: Linear layers, each followed by ReLU, Tanh, Sigmoid or nothing, and
    /// perhaps a last Softmax (Dropout, and Flatten of [batch, features], may come too).</summary>
    public bool IsMlp => _mlp.Value is not null;

    /// <summary>A new MLP of Values with these weights; its outputs are the graph's, before any softmax.</summary>
    /// <exception cref="OnnxUnsupportedException">When the graph is not an MLP, or has more than
    /// <see cref="ModelFile.MaxParameters"/> (1,000,000) parameters, each a Value of its own.</exception>
    public MLP ToMLP()
    {
        var weights = Mlp.Weights;
        if (weights.ParameterCount > ModelFile.MaxParameters)
            throw new OnnxUnsupportedException(
                $"{Source} has {weights.ParameterCount:N0} parameters; Micrograd's MLP holds at most {ModelFile.MaxParameters:N0}, each a Value of its own. ToModule takes larger ones.");
        return weights.ToMLP();
    }

    /// <summary>A new tensor MLP with these weights (rounded to <typeparamref name="T"/>), without any softmax.</summary>
    /// <exception cref="OnnxUnsupportedException">When the graph is not an MLP.</exception>
    public TensorMLP<T> ToTensorMLP<T>() where T : unmanaged, IFloatingPointIeee754<T> => Mlp.Weights.ToTensorMLP<T>();

    private MlpView Mlp => _mlp.Value ?? throw new OnnxUnsupportedException(
        $"{Source} is not an MLP (Linear layers, each followed by ReLU, Tanh, Sigmoid or nothing, and a last Softmax); ToModule reads it.");

    /// <summary>The architecture in words: "2-8-3 (Tanh, Linear, Softmax)" for an MLP, else the module tree's
    /// kinds or the graph's size.</summary>
    public override string ToString() => _mlp.Value is { } m
        ? $"{m.Weights.InputCount}-{string.Join("-", LayerSizes)} ({string.Join(", ", Activations.Select(a => a.Name()))}{(m.Softmax ? ", Softmax" : "")})"
        : _chain is { } c ? $"Sequential({string.Join(", ", c.Spec.Children.Select(ch => ch.Spec.Kind))})"
        : $"a graph of {_graph.Nodes.Count} nodes";
}
