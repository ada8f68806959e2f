using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>out = f(a), element by element, for any one-operand op of Ops.cs (exp, log, tanh, ReLU, ...).</summary>
internal sealed class Unary<TOp, T>(Tensor<T> a) : Function<T>(a)
    where TOp : struct, IUnaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => TOp.Symbol;

    public static Tensor<T> Apply(Tensor<T> a)
    {
        var output = Output(a.Dims, a.RequiresGrad);
        Elementwise.Map<TOp, T>(a.Data, output.Data);
        if (output.RequiresGrad) output.Creator = new Unary<TOp, T>(a);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Elementwise.MapBackward<TOp, T>(A.Data, output.Data, gradOutput, A.GradientSpan());
}
