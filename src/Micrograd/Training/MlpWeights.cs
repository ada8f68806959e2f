using System.Numerics;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary>One fully connected layer's numbers: y = f(W·x + b), with <c>Weights</c> [OutputCount, InputCount]
/// row-major: row n holds neuron n's weights, as in <see cref="Neuron.Weights"/> and PyTorch's <c>Linear.weight</c>.</summary>
public sealed record LayerWeights(int InputCount, int OutputCount, double[] Weights, double[] Biases, Activation Activation);

/// <summary>An MLP's numbers (copies), whichever engine holds it: what saving, plotting, predicting and
/// exporting read. Converts to and from <see cref="MLP"/> and <see cref="TensorMLP{T}"/>.</summary>
public sealed class MlpWeights
{
    /// <exception cref="ArgumentException">When there are no layers, a layer's inputs are not the previous
    /// layer's outputs (the first's: <paramref name="inputCount"/>), or its arrays are not its size.</exception>
    public MlpWeights(int inputCount, IReadOnlyList<LayerWeights> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("Expected at least one layer, got none.", nameof(layers));
        MLP.CheckSizes(inputCount, layers.Select(l => l?.OutputCount ?? 0).ToArray());
        int inputs = inputCount;
        for (int l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            if (layer.InputCount != inputs)
                throw new ArgumentException($"Expected layer {l + 1} to take {inputs} inputs, got {layer.InputCount}.", nameof(layers));
            if (layer.Weights?.Length != (long)layer.InputCount * layer.OutputCount || layer.Biases?.Length != layer.OutputCount)
                throw new ArgumentException(
                    $"Expected layer {l + 1} to hold {(long)layer.InputCount * layer.OutputCount} weights and {layer.OutputCount} biases, got {layer.Weights?.Length ?? 0} and {layer.Biases?.Length ?? 0}.", nameof(layers));
            inputs = layer.OutputCount;
        }
        InputCount = inputCount;
        Layers = [.. layers];
    }

    public int InputCount { get; }

    public IReadOnlyList<LayerWeights> Layers { get; }

    public int OutputCount => Layers[^1].OutputCount;

    public long ParameterCount => Layers.Sum(l => (long)l.Weights.Length + l.Biases.Length);

    /// <summary>In the order of <see cref="MLP.Parameters"/>: layer by layer, neuron by neuron, weights then bias.</summary>
    public double[] ToArray() =>
        [.. Layers.SelectMany(l => Enumerable.Range(0, l.OutputCount).SelectMany(n => l.Weights.Skip(n * l.InputCount).Take(l.InputCount).Append(l.Biases[n])))];

    /// <summary>Such as "2-16-16-1 (ReLU, Linear output)", or "2-16-16-1 (Tanh, ReLU, Linear output)" when the
    /// hidden layers differ.</summary>
    public string Shape => Describe(InputCount, [.. Layers.Select(l => l.OutputCount)], [.. Layers.Select(l => l.Activation)]);

    internal static string Describe(int inputs, IReadOnlyList<int> sizes, IReadOnlyList<Activation> activations)
    {
        var hidden = activations.Take(Math.Max(1, activations.Count - 1)).ToArray();
        string inside = hidden.Distinct().Count() == 1 ? hidden[0].Name() : string.Join(", ", hidden.Select(a => a.Name()));
        return $"{inputs}-{string.Join("-", sizes)} ({inside}, {activations[^1].Name()} output)";
    }

    public static MlpWeights Of(MLP model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.InputCount, model.Layers.Select(layer => new LayerWeights(
            layer.InputCount, layer.OutputCount,
            [.. layer.Neurons.SelectMany(n => n.Weights.Select(w => w.Data))],
            [.. layer.Neurons.Select(n => n.Bias.Data)],
            layer.Neurons[0].Activation)).ToArray());
    }

    /// <summary>Widened to double exactly.</summary>
    public static MlpWeights Of<T>(TensorMLP<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.InputCount, model.Layers.Select((layer, l) => new LayerWeights(
            layer.InputCount, layer.OutputCount,
            [.. layer.Weight.Data.Select(double.CreateChecked)],
            layer.Bias is null ? new double[layer.OutputCount] : [.. layer.Bias.Data.Select(double.CreateChecked)],
            model.Activations[l])).ToArray());
    }

    public MLP ToMLP()
    {
        var model = new MLP(InputCount, [.. Layers.Select(l => l.OutputCount)], [.. Layers.Select(l => l.Activation)]);
        for (int l = 0; l < Layers.Count; l++)
        {
            var from = Layers[l];
            for (int n = 0; n < from.OutputCount; n++)
            {
                var neuron = model.Layers[l].Neurons[n];
                for (int i = 0; i < from.InputCount; i++) neuron.Weights[i].Data = from.Weights[n * from.InputCount + i];
                neuron.Bias.Data = from.Biases[n];
            }
        }
        return model;
    }

    /// <summary>Rounded to <typeparamref name="T"/> (a float32 network's own weights come back exactly).</summary>
    public TensorMLP<T> ToTensorMLP<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var model = new TensorMLP<T>(InputCount, [.. Layers.Select(l => l.OutputCount)], [.. Layers.Select(l => l.Activation)]);
        for (int l = 0; l < Layers.Count; l++)
        {
            model.Layers[l].Weight.CopyFrom([.. Layers[l].Weights.Select(T.CreateChecked)]);
            model.Layers[l].Bias!.CopyFrom([.. Layers[l].Biases.Select(T.CreateChecked)]);
        }
        return model;
    }
}
