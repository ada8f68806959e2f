using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Onnx;

/// <summary>The scalar <see cref="MLP"/> to and from an <see cref="MlpDescription"/>.</summary>
internal static class ScalarMlp
{
    /// <summary>The layers of <paramref name="model"/>, its weights copied.</summary>
    public static MlpDescription Describe(MLP model, bool outputSoftmax)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = model.Layers.Select(layer =>
        {
            var weights = new double[layer.OutputCount * layer.InputCount];
            for (int n = 0; n < layer.OutputCount; n++)
                for (int i = 0; i < layer.InputCount; i++)
                    weights[n * layer.InputCount + i] = layer.Neurons[n].Weights[i].Data;
            var biases = layer.Neurons.Select(n => n.Bias.Data).ToArray();
            return new DenseLayer(layer.InputCount, layer.OutputCount, weights, biases, layer.Neurons[0].Activation);
        }).ToArray();
        return new MlpDescription(model.InputCount, layers, outputSoftmax);
    }

    /// <summary>A new MLP holding <paramref name="mlp"/>'s weights.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation (an MLP has one
    /// activation for all of them), or when there are more parameters than a model file may hold.</exception>
    public static MLP Build(MlpDescription mlp, string source)
    {
        var (hidden, output) = Activations(mlp, source);
        long parameters = mlp.Layers.Sum(l => (long)(l.InputCount + 1) * l.OutputCount);
        long max = ModelFile.MaxParameters;
        if (parameters > max)
            throw new OnnxUnsupportedException(
                $"{source} has {parameters:N0} parameters; Micrograd's MLP holds at most {max:N0}, each a Value of its own. ToTensorMLP takes larger ones.");
        var layers = mlp.Layers;
        var model = new MLP(mlp.InputCount, layers.Select(l => l.OutputCount).ToArray(), hidden, output);
        for (int l = 0; l < layers.Count; l++)
        {
            var from = layers[l];
            var to = model.Layers[l];
            for (int n = 0; n < from.OutputCount; n++)
            {
                for (int i = 0; i < from.InputCount; i++) to.Neurons[n].Weights[i].Data = from.Weights[n * from.InputCount + i];
                to.Neurons[n].Bias.Data = from.Biases[n];
            }
        }
        return model;
    }

    /// <summary>The hidden layers' activation and the last layer's: both MLP classes take these two.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation.</exception>
    public static (Activation Hidden, Activation Output) Activations(MlpDescription mlp, string source)
    {
        var layers = mlp.Layers;
        for (int l = 1; l < layers.Count - 1; l++)
            if (layers[l].Activation != layers[0].Activation)
                throw new OnnxUnsupportedException(
                    $"{source}: hidden layer 1 applies {layers[0].Activation.Name()} and hidden layer {l + 1} {layers[l].Activation.Name()}; " +
                    "Micrograd's MLPs have one activation for all their hidden layers.");
        return (layers[0].Activation, layers[^1].Activation);
    }
}
