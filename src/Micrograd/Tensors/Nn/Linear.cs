using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.Linear: y = x·Wᵀ + b over the last axis of x [..., in], with <see cref="Weight"/> [out, in]
/// (row j holds neuron j's weights, as a <see cref="Layer"/>'s neuron j) and <see cref="Bias"/> [out].</summary>
public sealed class Linear<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <remarks>The init is PyTorch's by default; <see cref="Init.Uniform"/> and <see cref="Init.Scaled"/> draw the
    /// weights exactly as a <see cref="Layer"/> does from the same rng (a new one with the default seed when
    /// null), with biases at 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">When a size is 0 or less.</exception>
    /// <exception cref="ArgumentException">When in × out is more numbers than an array holds.</exception>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Init init = Init.PyTorch, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        rng ??= new Rng();
        double bound = init == Init.PyTorch ? 1 / Math.Sqrt(inFeatures) : Neuron.InitScale(init, inFeatures);
        Weight = Parameter("weight", [outFeatures, inFeatures], w => Fill(w, rng, bound));
        Bias = bias ? Parameter("bias", [outFeatures], b => { if (init == Init.PyTorch) Fill(b, rng, bound); }) : null;
        Init = init;
    }

    /// <summary>Shape [out, in].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Shape [out]; null without a bias.</summary>
    public Tensor<T>? Bias { get; }

    public Init Init { get; }

    public int InputCount => Weight.Dims[1];

    public int OutputCount => Weight.Dims[0];

    /// <exception cref="ArgumentException">When x is not of shape [..., in].</exception>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dims.Length == 0 || x.Dims[^1] != InputCount)
            throw new ArgumentException($"Expected an input of shape [..., {InputCount}] for {this}, got {Shapes.Format(x.Dims)}.", nameof(x));
        return x.Linear(Weight, Bias);
    }

    public override IReadOnlyDictionary<string, double> Settings =>
        new Dictionary<string, double> { ["in_features"] = InputCount, ["out_features"] = OutputCount, ["bias"] = Bias is null ? 0 : 1 };

    protected override string Describe() => $"in_features={InputCount}, out_features={OutputCount}, bias={(Bias is null ? "False" : "True")}";

    private static void Fill(T[] values, Rng rng, double bound)
    {
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateChecked(rng.Uniform(-1, 1) * bound);
    }
}
