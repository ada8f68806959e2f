using Micrograd.Nn;

namespace Micrograd.Serialization;

/// <summary>
/// The checks a model file passes before a network is built from it: every declared shape matches the numbers
/// actually present (so a small file cannot make the loader allocate a huge network), the parameters number
/// at most <see cref="ModelFile.MaxParameters"/>, and every one of them is finite.
/// </summary>
internal static class ModelFileCheck
{
    /// <summary>The file's layers, each checked against its inputs.</summary>
    /// <exception cref="ModelFormatException">Naming the layer, neuron and weight at fault.</exception>
    public static LayerDto[] Layers(ModelFileDto file, string source)
    {
        if (file.Layers is not { Length: > 0 })
            throw new ModelFormatException($"{source} has no layers.");
        int missing = Array.IndexOf(file.Layers, null);
        if (missing >= 0)
            throw new ModelFormatException($"{source}, layer {missing + 1}: expected a layer object, got null.");
        if (file.Inputs <= 0)
            throw new ModelFormatException($"{source} says the model has {file.Inputs} inputs; expected at least 1.");

        int inputs = file.Inputs;
        long parameters = 0;
        for (int l = 0; l < file.Layers.Length; l++)
        {
            var layer = file.Layers[l];
            string where = $"{source}, layer {l + 1}";
            if (layer.Size <= 0)
                throw new ModelFormatException($"{source} describes an impossible network: layer {l + 1} has {layer.Size} neurons; expected at least 1.");
            if (layer.Weights is null || layer.Weights.Length != layer.Size || layer.Biases is null || layer.Biases.Length != layer.Size)
                throw new ModelFormatException($"{where}: expected {layer.Size} rows of weights and {layer.Size} biases, as its size says; got {layer.Weights?.Length ?? 0} and {layer.Biases?.Length ?? 0}.");
            for (int n = 0; n < layer.Size; n++)
            {
                var weights = layer.Weights[n];
                if (weights is null || weights.Length != inputs)
                    throw new ModelFormatException($"{where}, neuron {n + 1}: expected {inputs} weights, got {weights?.Length ?? 0}.");
                for (int i = 0; i < inputs; i++)
                    Finite(weights[i], $"{where}, neuron {n + 1}, weight {i + 1}");
                Finite(layer.Biases[n], $"{where}, neuron {n + 1}, bias");
            }
            parameters += (long)layer.Size * (inputs + 1);
            if (parameters > ModelFile.MaxParameters)
                throw new ModelFormatException($"{source} holds more than {ModelFile.MaxParameters:N0} parameters (by layer {l + 1}), the most a model file may have.");
            inputs = layer.Size;
        }
        return file.Layers;
    }

    /// <summary>Each layer's activation; the hidden layers must share one.</summary>
    /// <exception cref="ModelFormatException">For an unknown activation or hidden layers that differ.</exception>
    public static Activation[] Activations(LayerDto[] layers, string source)
    {
        var activations = new Activation[layers.Length];
        for (int l = 0; l < activations.Length; l++)
        {
            try { activations[l] = Nn.Activations.Parse(layers[l].Activation ?? ""); }
            catch (ArgumentException e) { throw new ModelFormatException($"{source}, layer {l + 1}: {e.Message}"); }
        }
        for (int l = 1; l < activations.Length - 1; l++)
            if (activations[l] != activations[0])
                throw new ModelFormatException($"{source}: expected every hidden layer to share one activation, but layer 1 is {activations[0]} and layer {l + 1} is {activations[l]}.");
        return activations;
    }

    private static void Finite(double x, string where)
    {
        if (!double.IsFinite(x))
            throw new ModelFormatException($"{where} is {(double.IsNaN(x) ? "NaN" : x > 0 ? "infinite (or beyond ±1.8e308)" : "-infinite (or beyond ±1.8e308)")}; a model's parameters must be finite numbers.");
    }
}
