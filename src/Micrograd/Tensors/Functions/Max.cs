using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>The largest element along an axis. Its gradient goes to that element alone (the first one on a
/// tie), as with PyTorch's <c>max(dim)</c>.</summary>
internal sealed class Max<T>(Tensor<T> a, int axis, int[] argMax) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "max";

    public static Tensor<T> Apply(Tensor<T> a, int axis, bool keepDims)
    {
        int ax = Shape.Axis(axis, a.Dims.Length, a.Dims);
        if (a.Dims[ax] == 0) throw new ArgumentException($"Expected elements along axis {axis} to take the maximum of, got shape {Shape.Format(a.Dims)}.");
        var (outer, length, inner) = Shape.AroundAxis(a.Dims, ax);
        var output = Output(Shape.Reduced(a.Dims, ax, keepDims), a.RequiresGrad);
        var argMax = new int[output.Count];
        Reduce.MaxAxis<T>(a.Data, outer, length, inner, output.Data, argMax);
        if (output.RequiresGrad) output.Creator = new Max<T>(a, ax, argMax);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var (_, length, inner) = Shape.AroundAxis(A.Dims, axis);
        for (int r = 0; r < argMax.Length; r++)
        {
            int o = r / inner, i = r % inner;
            grad[(o * length + argMax[r]) * inner + i] += gradOutput[r];
        }
    }
}
