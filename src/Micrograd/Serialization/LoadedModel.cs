using System.Numerics;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Serialization;

/// <summary>A model read from a file: its module tree, its named parameters, its precision and the notes saved
/// beside it. <see cref="ToModule{T}"/> builds the network again; <see cref="Predict"/> runs it.</summary>
public sealed class LoadedModel
{
    private readonly MlpWeights? _mlp;
    private MLP? _model;
    private object? _runnable; // the module Predict runs, built once
    private object? _built;    // the module loading built to check the tree, for the first ToModule in its type

    internal LoadedModel(ModuleSpec spec, IReadOnlyList<ModelParameter> parameters, Precision precision, IReadOnlyDictionary<string, string> notes,
        int version, NetworkKind network, string source, MlpWeights? mlp = null, object? built = null)
    {
        _built = built;
        (Spec, Parameters, Precision, Notes, Version, Network, Source) = (spec, parameters, precision, notes, version, network, source);
        _mlp = mlp ?? MlpTree.Of(spec, parameters);
        Input = ModelInput.Of(spec);
    }

    /// <summary>The module tree: kinds, settings and children, without the numbers.</summary>
    public ModuleSpec Spec { get; }

    /// <summary>In the order of the tree's <see cref="Module{T}.NamedParameters"/>.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }

    public Precision Precision { get; }

    /// <summary>Empty if none.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    /// <summary>The file's layout version: 1 and 2 hold MLPs, 3 any module tree.</summary>
    public int Version { get; }

    /// <summary>What versions 1 and 2 say the network came from (a scalar MLP or a tensor MLP); a version 3 file
    /// holds a module tree, which runs on tensors, and says <see cref="NetworkKind.TensorMLP"/>.</summary>
    public NetworkKind Network { get; }

    /// <summary>Where the model came from, as messages name it.</summary>
    public string Source { get; }

    /// <summary>What the model takes per example, or null when its first modules do not say (see <see cref="ModelInput.Of"/>).</summary>
    public ModelInput? Input { get; }

    /// <summary>True when the tree is an MLP: a Sequential of Linear layers, each followed by ReLU, Tanh, Sigmoid or nothing.</summary>
    public bool IsMlp => _mlp is not null;

    /// <summary>The numbers of an MLP-shaped model (<see cref="IsMlp"/>).</summary>
    /// <exception cref="InvalidOperationException">For another tree.</exception>
    public MlpWeights Weights => _mlp ?? throw new InvalidOperationException(
        $"{Source} holds a {Spec.Kind} that is not an MLP (a Sequential of Linear layers and ReLU, Tanh or Sigmoid); use ToModule.");

    /// <summary>The MLP of Values with these numbers (in float64), built on first use.</summary>
    /// <exception cref="InvalidOperationException">For a tree that is not an MLP.</exception>
    public MLP Model => _model ??= Weights.ToMLP();

    /// <summary>A new module of the file's tree with its numbers, in <typeparamref name="T"/> (a float32 model's
    /// own numbers come back exactly; float64 numbers are rounded to float).</summary>
    public Module<T> ToModule<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Interlocked.Exchange(ref _built, null) is Module<T> checkedOnLoad) return checkedOnLoad;
        return ModelTree.Build<T>(Spec, Parameters, Source);
    }

    /// <summary>The outputs for each row, computed on tensors in the model's precision (see <see cref="Predictions.Of"/>).</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    /// <exception cref="InvalidOperationException">When the model does not say what it takes (<see cref="Input"/> is null).</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var input = Input ?? throw new InvalidOperationException($"{Source}: cannot tell what a {Spec.Kind} takes from its first modules.");
        if (Precision == Precision.Float32)
            return Predictions.Of((Module<float>)(_runnable ??= ToModule<float>()), input, inputs);
        return Predictions.Of((Module<double>)(_runnable ??= ToModule<double>()), input, inputs);
    }
}

/// <summary>A model file that cannot be read: corrupt, of another format, or of another shape.</summary>
public sealed class ModelFormatException(string message) : FormatException(message);
