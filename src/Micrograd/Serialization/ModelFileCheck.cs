using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Serialization;

/// <summary>Before a network is built: every declared shape matches the numbers present (so a small file cannot
/// make the loader allocate a huge network), at most <see cref="ModelFile.MaxParameters"/>, all finite.</summary>
internal static class ModelFileCheck
{
    /// <summary>What a version 1 or 2 file says the network is: version 1 files hold scalar MLPs in float64 and
    /// name neither; version 2 files name both.</summary>
    /// <exception cref="ModelFormatException">For another version, or a network or precision missing or unknown.</exception>
    public static (NetworkKind Network, Precision Precision) Kind(ModelFileDto file, string source)
    {
        if (file.Version == 1)
        {
            if (file.Network is not null || file.Precision is not null)
                throw new ModelFormatException($"{source} has layout version 1, which has no \"network\" or \"precision\"; expected version 2 with them.");
            return (NetworkKind.MLP, Precision.Float64);
        }
        if (!KindNames.Networks.TryParse(file.Network, out var network))
            throw new ModelFormatException($"{source}: expected \"network\": {KindNames.Networks.Listed}; got {Quoted(file.Network)}.");
        if (!KindNames.Precisions.TryParse(file.Precision, out var precision))
            throw new ModelFormatException($"{source}: expected \"precision\": {KindNames.Precisions.Listed}; got {Quoted(file.Precision)}.");
        if (network == NetworkKind.MLP && precision != Precision.Float64)
            throw new ModelFormatException($"{source}: expected \"precision\": \"float64\" for a scalar mlp (Values hold doubles), got \"{file.Precision}\".");
        return (network, precision);
    }

    /// <summary>The file's layers, each checked against its inputs; every number must be finite in
    /// <paramref name="precision"/>.</summary>
    /// <exception cref="ModelFormatException">Naming the layer, neuron and weight at fault.</exception>
    public static LayerDto[] Layers(ModelFileDto file, Precision precision, string source)
    {
        if (file.Layers is not { Length: > 0 })
            throw new ModelFormatException($"{source} has no layers.");
        int missing = Array.IndexOf(file.Layers, null);
        if (missing >= 0)
            throw new ModelFormatException($"{source}, layer {missing + 1}: expected a layer object, got null.");
        if (file.Inputs is not > 0)
            throw new ModelFormatException($"{source} says the model has {file.Inputs ?? 0} inputs; expected at least 1.");

        int inputs = file.Inputs.Value;
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
                    Finite(weights[i], precision, $"{where}, neuron {n + 1}, weight {i + 1}");
                Finite(layer.Biases[n], precision, $"{where}, neuron {n + 1}, bias");
            }
            parameters += (long)layer.Size * (inputs + 1);
            if (parameters > ModelFile.MaxParameters)
                throw new ModelFormatException($"{source} holds more than {ModelFile.MaxParameters:N0} parameters (by layer {l + 1}), the most a model file may have.");
            inputs = layer.Size;
        }
        return file.Layers;
    }

    /// <exception cref="ModelFormatException">For an unknown activation.</exception>
    public static Activation[] Activations(LayerDto[] layers, string source)
    {
        var activations = new Activation[layers.Length];
        for (int l = 0; l < activations.Length; l++)
        {
            try { activations[l] = Nn.Activations.Parse(layers[l].Activation ?? ""); }
            catch (ArgumentException e) { throw new ModelFormatException($"{source}, layer {l + 1}: {e.Message}"); }
        }
        return activations;
    }

    internal static void Finite(double x, Precision precision, string where)
    {
        if (!double.IsFinite(x))
            throw new ModelFormatException($"{where} is {(double.IsNaN(x) ? "NaN" : x > 0 ? "infinite (or beyond ±1.8e308)" : "-infinite (or beyond ±1.8e308)")}; a model's parameters must be finite numbers.");
        if (precision == Precision.Float32 && !float.IsFinite((float)x))
            throw new ModelFormatException($"{where} is {x:R}, beyond float32's ±3.4e38; a float32 model's parameters must be finite float32 numbers.");
    }

    private static string Quoted(string? text) => text is null ? "none" : $"\"{text}\"";
}
