using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>A <see cref="Layer"/> of linear neurons as one matrix product over a batch: y = x·W + b, x of shape
/// [N, in], W [in, out] (column j holds neuron j's weights), b [out].</summary>
public sealed class Linear<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Weights drawn exactly as a <see cref="Layer"/>'s: neuron after neuron, each one's weights in
    /// input order; biases start at 0.</summary>
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

    /// <summary>Shape [in, out].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Shape [out].</summary>
    public Tensor<T> Bias { get; }

    public int InputCount => Weight.Dims[0];
    public int OutputCount => Weight.Dims[1];

    /// <exception cref="ArgumentException">When x is not of shape [N, in].</exception>
    public Tensor<T> Forward(Tensor<T> x) => x.MatMul(Weight) + Bias;

    public override IReadOnlyList<Tensor<T>> Parameters() => [Weight, Bias];

    public override string ToString() => $"Linear({InputCount}, {OutputCount})";
}
