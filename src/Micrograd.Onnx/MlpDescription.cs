using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Onnx;

/// <summary>
/// What an MLP is as ONNX sees it: the input size, the layers in order (each y = f(x·Wᵀ + b), W [out, in] as in
/// <see cref="LayerWeights"/>), and whether a softmax turns the last layer's outputs into probabilities. Export
/// writes one, import reads one; <see cref="MlpWeights"/> maps it to and from either kind of MLP.
/// </summary>
internal sealed record MlpDescription(int InputCount, IReadOnlyList<LayerWeights> Layers, bool OutputSoftmax)
{
    public int OutputCount => Layers[^1].OutputCount;

    public static MlpDescription Of(MlpWeights weights, bool outputSoftmax) => new(weights.InputCount, weights.Layers, outputSoftmax);

    /// <summary>The weights, for an MLP of either kind, which has one activation for all hidden layers.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation.</exception>
    public MlpWeights ToWeights(string source)
    {
        for (int l = 1; l < Layers.Count - 1; l++)
            if (Layers[l].Activation != Layers[0].Activation)
                throw new OnnxUnsupportedException(
                    $"{source}: hidden layer 1 applies {Layers[0].Activation.Name()} and hidden layer {l + 1} {Layers[l].Activation.Name()}; " +
                    "Micrograd's MLPs have one activation for all their hidden layers.");
        return new MlpWeights(InputCount, Layers);
    }

    /// <summary>As <see cref="ToWeights"/>, for the scalar <see cref="MLP"/>, whose every parameter is a Value.</summary>
    /// <exception cref="OnnxUnsupportedException">Also when there are more parameters than a model file may hold.</exception>
    public MLP ToMLP(string source)
    {
        var weights = ToWeights(source);
        long max = ModelFile.MaxParameters;
        if (weights.ParameterCount > max)
            throw new OnnxUnsupportedException(
                $"{source} has {weights.ParameterCount:N0} parameters; Micrograd's MLP holds at most {max:N0}, each a Value of its own. ToTensorMLP takes larger ones.");
        return weights.ToMLP();
    }
}
