using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>out = f(a), element by element, for any one-operand op of Ops.cs (exp, log, tanh, ReLU, ...).</summary>
internal sealed class Unary<TOp, T>(Tensor<T> a) : Function<T>(a)
    where TOp : struct, IVectorUnaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => TOp.Symbol;

    protected override Tensor<T> Forward()
    {
        var output = Output(A.Dims);
        TOp.Forward<T>(A.Data, output.Data);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Elementwise.MapBackward<TOp, T>(A.Data, output.Data, gradOutput, A.GradientSpan());
}
