using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>One step of a recurrence: the input x_t [B, n_embd] and the previous hidden state h_{t-1}
/// [B, n_embd2] make h_t [B, n_embd2]. <see cref="Module{T}.Forward"/> takes the two side by side, [x_t, h_{t-1}].</summary>
public abstract class RecurrentCell<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected RecurrentCell(int nEmbd, int nEmbd2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nEmbd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nEmbd2);
        (InputSize, HiddenSize) = (nEmbd, nEmbd2);
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public abstract Tensor<T> Step(Tensor<T> xt, Tensor<T> hprev);

    public override Tensor<T> Forward(Tensor<T> xh)
    {
        ArgumentNullException.ThrowIfNull(xh);
        if (xh.Shape.Count != 2 || xh.Shape[1] != InputSize + HiddenSize)
            throw new ArgumentException($"Expected [x_t, h_(t-1)] of shape [B, {InputSize + HiddenSize}], got {Shapes.Format(xh.Dims)}.", nameof(xh));
        return Step(xh.Slice(1, 0, InputSize), xh.Slice(1, InputSize, HiddenSize));
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["n_embd"] = InputSize, ["n_embd2"] = HiddenSize };
}

/// <summary>makemore's RNNCell: h_t = tanh(xh_to_h([x_t, h_{t-1}])).</summary>
public sealed class RnnCell<T> : RecurrentCell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public RnnCell(int nEmbd, int nEmbd2, Rng? rng = null) : base(nEmbd, nEmbd2) =>
        XhToH = Child("xh_to_h", new Linear<T>(nEmbd + nEmbd2, nEmbd2, rng: rng ?? new Rng()));

    public Linear<T> XhToH { get; }

    public override Tensor<T> Step(Tensor<T> xt, Tensor<T> hprev) => XhToH.Forward(Tensor<T>.Concat([xt, hprev], 1)).Tanh();
}

/// <summary>makemore's GRUCell: a reset gate r wipes channels of h_{t-1} before the candidate state hbar is
/// computed, and an update gate z blends: h_t = (1 - z)·h_{t-1} + z·hbar.</summary>
public sealed class GruCell<T> : RecurrentCell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public GruCell(int nEmbd, int nEmbd2, Rng? rng = null) : base(nEmbd, nEmbd2)
    {
        rng ??= new Rng();
        // makemore's order of registration, which is the order of the parameters
        XhToZ = Child("xh_to_z", new Linear<T>(nEmbd + nEmbd2, nEmbd2, rng: rng));
        XhToR = Child("xh_to_r", new Linear<T>(nEmbd + nEmbd2, nEmbd2, rng: rng));
        XhToHbar = Child("xh_to_hbar", new Linear<T>(nEmbd + nEmbd2, nEmbd2, rng: rng));
    }

    public Linear<T> XhToZ { get; }

    public Linear<T> XhToR { get; }

    public Linear<T> XhToHbar { get; }

    public override Tensor<T> Step(Tensor<T> xt, Tensor<T> hprev)
    {
        var xh = Tensor<T>.Concat([xt, hprev], 1);
        var r = XhToR.Forward(xh).Sigmoid();
        var hprevReset = r * hprev;
        var hbar = XhToHbar.Forward(Tensor<T>.Concat([xt, hprevReset], 1)).Tanh();
        var z = XhToZ.Forward(xh).Sigmoid();
        return (T.One - z) * hprev + z * hbar;
    }
}
