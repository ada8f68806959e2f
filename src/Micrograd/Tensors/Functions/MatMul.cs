using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>The matrix product out[m×n] = a[m×k] · b[k×n].</summary>
/// <remarks>Backward is two more products, each element of a weight's gradient being a sum over the batch:
/// dA = dOut · Bᵀ and dB = Aᵀ · dOut. The kernel reads the transposes in place, so none is materialised.</remarks>
internal sealed class MatMul<T>(Tensor<T> a, Tensor<T> b) : Function<T>(a, b) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "matmul";

    public static Tensor<T> Apply(Tensor<T> a, Tensor<T> b)
    {
        if (a.Dims.Length != 2 || b.Dims.Length != 2 || a.Dims[1] != b.Dims[0])
            throw new ArgumentException(
                $"Expected matrices [m, k] and [k, n] for MatMul, got {Shape.Format(a.Dims)} and {Shape.Format(b.Dims)}.");
        int m = a.Dims[0], k = a.Dims[1], n = b.Dims[1];
        var output = Output([m, n], a.RequiresGrad || b.RequiresGrad, zeroed: true);
        MatMulReference.Multiply<T>(false, false, m, n, k, a.Data, k, b.Data, n, output.Data, n, Tensor.MaxThreads);
        if (output.RequiresGrad) output.Creator = new MatMul<T>(a, b);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var b = B!;
        int m = A.Dims[0], k = A.Dims[1], n = b.Dims[1];
        if (A.RequiresGrad) MatMulReference.Multiply<T>(false, true, m, k, n, gradOutput, n, b.Data, n, A.GradientSpan(), k, Tensor.MaxThreads);
        if (b.RequiresGrad) MatMulReference.Multiply<T>(true, false, k, n, m, A.Data, k, gradOutput, n, b.GradientSpan(), n, Tensor.MaxThreads);
    }
}
