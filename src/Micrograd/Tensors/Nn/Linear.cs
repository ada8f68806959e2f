using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>
/// A layer of neurons as one matrix product: y = x·W + b for a batch x of shape [N, in], W of shape
/// [in, out] (column j holds neuron j's weights) and b of shape [out]. It is a <see cref="Layer"/> of
/// linear neurons, computed for a whole batch at once.
/// </summary>
public sealed class Linear<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer with <paramref name="nin"/> inputs and <paramref name="nout"/> outputs, its weights
    /// drawn exactly as a <see cref="Layer"/>'s: neuron after neuron, each neuron's weights in input order.</summary>
    /// <param name="nin">Inputs, at least 1.</param>
    /// <param name="nout">Outputs (neurons), at least 1.</param>
    /// <param name="init">How the weights are drawn; biases start at 0.</param>
    /// <param name="rng">Where the weights come from.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is 0 or less.</exception>
    public Linear(int nin, int nout, Init init = Init.Uniform, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nout);
        rng ??= new Rng();
        double scale = Neuron.InitScale(init, nin);
        var w = new T[nin * nout];
        for (int j = 0; j < nout; j++)
            for (int i = 0; i < nin; i++)
                w[i * nout + j] = T.CreateChecked(rng.Uniform(-1, 1) * scale);
        Weight = new Tensor<T>(w, [nin, nout], requiresGrad: true);
        Bias = Tensor<T>.Zeros([nout], requiresGrad: true);
    }

    /// <summary>The weights, of shape [in, out].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The biases, of shape [out].</summary>
    public Tensor<T> Bias { get; }

    public int InputCount => Weight.Dims[0];
    public int OutputCount => Weight.Dims[1];

    /// <summary>x·W + b for a batch <paramref name="x"/> of shape [N, in].</summary>
    /// <exception cref="ArgumentException">When x is not of shape [N, in].</exception>
    public Tensor<T> Forward(Tensor<T> x) => x.MatMul(Weight) + Bias;

    public override IReadOnlyList<Tensor<T>> Parameters() => [Weight, Bias];

    public override string ToString() => $"Linear({InputCount}, {OutputCount})";
}
