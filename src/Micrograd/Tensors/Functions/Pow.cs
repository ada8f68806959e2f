using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>out = a ** c for a constant exponent c, element by element, with Ops.Pow's rules.</summary>
internal sealed class Pow<T>(Tensor<T> a, T exponent) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => Ops.Pow.Symbol;

    public T Exponent => exponent;

    protected override Tensor<T> Forward()
    {
        var output = Output(A.Dims);
        var (x, y) = (A.Data, output.Data);
        for (int i = 0; i < y.Length; i++) y[i] = Ops.Pow.Forward(x[i], exponent);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var (x, y) = (A.Data, output.Data);
        for (int i = 0; i < grad.Length; i++) grad[i] += Ops.Pow.Local(x[i], exponent, y[i]).da * gradOutput[i];
    }
}
