using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.Dropout: in training mode each element is zeroed with probability p and the rest scaled by
/// 1/(1 - p), the mask drawn from a seeded <see cref="Rng"/>; in evaluation mode the input passes unchanged.</summary>
public sealed class Dropout<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Rng _rng;

    /// <remarks>p is in [0, 1); a null rng is a new one with the default seed.</remarks>
    public Dropout(double p = 0.5, Rng? rng = null)
    {
        if (!(p >= 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, $"Expected a dropout probability in [0, 1), got {p}.");
        P = p;
        _rng = rng ?? new Rng();
    }

    public double P { get; }

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!Training || P == 0) return x;
        var mask = new T[x.Count];
        T keep = T.CreateChecked(1 / (1 - P));
        for (int i = 0; i < mask.Length; i++) mask[i] = _rng.Uniform() < P ? T.Zero : keep;
        return x * new Tensor<T>(mask, (int[])x.Dims.Clone(), false);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["p"] = P };

    protected override string Describe() => $"p={P.ToString(System.Globalization.CultureInfo.InvariantCulture)}, inplace=False";
}
