using System.Numerics;
using Micrograd.Modules;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary>A copy of a trained network, whichever engine trained it: its module tree, every parameter by its
/// state-dict name, and the precision it was trained in. What model files, pictures and notes read; it runs on
/// its own (<see cref="Predict"/>), with no trainer behind it.</summary>
public sealed class TrainedNetwork
{
    private readonly Lazy<MlpWeights?> _mlp;
    private object? _runnable; // the module Predict runs, built once

    private TrainedNetwork(ModuleSpec spec, ModelParameter[] parameters, Precision precision, int inputCount, int outputCount)
    {
        (Spec, Parameters, Precision, InputCount, OutputCount) = (spec, parameters, precision, inputCount, outputCount);
        _mlp = new(() => MlpTree.Of(spec, parameters));
    }

    public ModuleSpec Spec { get; }

    public IReadOnlyList<ModelParameter> Parameters { get; }

    public Precision Precision { get; }

    public int InputCount { get; }

    public int OutputCount { get; }

    public long ParameterCount => Parameters.Sum(p => (long)p.Data.Length);

    /// <summary>The network as an MLP's layers, when it is one (a Sequential of Linear layers and activations);
    /// null for any other network.</summary>
    public MlpWeights? Mlp => _mlp.Value;

    /// <summary>"2-16-16-1 (ReLU, Linear output)" for an MLP, else <see cref="Description"/>.</summary>
    public string Shape => Mlp?.Shape ?? Description;

    /// <summary>"MLP 2-16-16-1 (ReLU, Linear output)", or "Sequential of 12,345 parameters".</summary>
    public string Description => Mlp is { } mlp ? $"MLP {mlp.Shape}" : $"{Spec.Kind} of {ParameterCount:N0} parameters";

    /// <summary>True when every parameter is a finite number (a diverged run's are not).</summary>
    public bool IsFinite => Parameters.All(p => p.Data.All(double.IsFinite));

    /// <summary>A new module of this tree with these numbers, in <typeparamref name="T"/>.</summary>
    public Module<T> ToModule<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var module = ModuleKinds.Build<T>(Spec);
        module.LoadStateDict(Parameters.ToDictionary(p => p.Name, p => p.Data.Select(T.CreateChecked).ToArray()));
        return module;
    }

    /// <summary>Each row's outputs, on tensors in the network's precision, in evaluation mode.</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        var input = new ModelInput([InputCount], indices: false);
        return Precision == Precision.Float32
            ? Predictions.Of((Module<float>)(_runnable ??= ToModule<float>()), input, inputs)
            : Predictions.Of((Module<double>)(_runnable ??= ToModule<double>()), input, inputs);
    }

    /// <summary>A copy of <paramref name="network"/>'s numbers, widened to double exactly.</summary>
    public static TrainedNetwork Of<T>(Module<T> network, int inputCount, int outputCount) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var parameters = network.NamedParameters().Select(p => new ModelParameter(p.Name, [.. p.Parameter.Shape], [.. p.Parameter.ToArray().Select(double.CreateChecked)])).ToArray();
        return new(ModuleSpec.Of(network), parameters, typeof(T) == typeof(float) ? Precision.Float32 : Precision.Float64, inputCount, outputCount);
    }

    /// <summary>An MLP's numbers, as the module tree of a float64 <see cref="TensorMLP{T}"/>.</summary>
    public static TrainedNetwork Of(MlpWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new(MlpTree.Spec(weights), MlpTree.Parameters(weights), Precision.Float64, weights.InputCount, weights.OutputCount);
    }
}
