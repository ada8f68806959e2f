using Micrograd.Nn;

namespace Micrograd.Onnx;

/// <summary>
/// A fully connected layer as ONNX sees it: y = f(x·Wᵀ + b).
/// </summary>
/// <param name="InputCount">Inputs.</param>
/// <param name="OutputCount">Outputs (neurons).</param>
/// <param name="Weights">[OutputCount, InputCount], row-major: row n holds neuron n's weights, as in PyTorch's
/// Linear.weight and Micrograd's Neuron.</param>
/// <param name="Biases">One per output.</param>
/// <param name="Activation">f.</param>
internal sealed record DenseLayer(int InputCount, int OutputCount, double[] Weights, double[] Biases, Activation Activation);

/// <summary>
/// What an MLP is, whichever class holds it: the input size, the layers in order, and whether a softmax turns
/// the last layer's outputs into probabilities. Export writes one, import reads one; each kind of MLP maps to
/// and from it.
/// </summary>
internal sealed record MlpDescription(int InputCount, IReadOnlyList<DenseLayer> Layers, bool OutputSoftmax)
{
    /// <summary>The last layer's size.</summary>
    public int OutputCount => Layers[^1].OutputCount;
}
