using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.LayerNorm over the last axis of size dim: each row made mean 0 and variance 1, then scaled
/// by <see cref="Weight"/> (ones at first) and shifted by <see cref="Bias"/> (zeros at first).</summary>
public sealed class LayerNorm<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <exception cref="ArgumentOutOfRangeException">For a size of 0 or less, or an eps that is not positive.</exception>
    public LayerNorm(int dim, double eps = 1e-5, bool elementwiseAffine = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim);
        if (!(eps > 0) || !double.IsFinite(eps)) throw new ArgumentOutOfRangeException(nameof(eps), eps, $"Expected a positive eps, got {eps}.");
        Dim = dim;
        Eps = eps;
        if (!elementwiseAffine) return;
        Weight = Parameter("weight", [dim], w => Array.Fill(w, T.One));
        Bias = Parameter("bias", [dim], _ => { });
    }

    public int Dim { get; }

    public double Eps { get; }

    public Tensor<T>? Weight { get; }

    public Tensor<T>? Bias { get; }

    /// <exception cref="ArgumentException">When x is not of shape [..., dim].</exception>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dims.Length == 0 || x.Dims[^1] != Dim)
            throw new ArgumentException($"Expected an input of shape [..., {Dim}] for {this}, got {Shapes.Format(x.Dims)}.", nameof(x));
        return x.LayerNorm(Weight, Bias, Eps);
    }

    public override IReadOnlyDictionary<string, double> Settings =>
        new Dictionary<string, double> { ["normalized_shape"] = Dim, ["eps"] = Eps, ["elementwise_affine"] = Weight is null ? 0 : 1 };

    protected override string Describe() =>
        $"({Dim},), eps={Eps.ToString(System.Globalization.CultureInfo.InvariantCulture)}, elementwise_affine={(Weight is null ? "False" : "True")}";
}
