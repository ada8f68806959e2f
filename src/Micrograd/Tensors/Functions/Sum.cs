using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>The sum along one axis, or of every element. Its backward hands each input element the gradient
/// of the sum it went into (a broadcast, the mirror image of broadcasting's backward).</summary>
internal sealed class Sum<T>(Tensor<T> a, int[] keptShape) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "sum";

    /// <summary>A null <paramref name="axis"/> sums everything, to shape [].</summary>
    public static Tensor<T> Apply(Tensor<T> a, int? axis, bool keepDims)
    {
        int[] kept, shape;
        if (axis is { } given)
        {
            int ax = Shape.Axis(given, a.Dims.Length, a.Dims);
            kept = Shape.Reduced(a.Dims, ax, keepDims: true);
            shape = Shape.Reduced(a.Dims, ax, keepDims);
        }
        else
        {
            kept = [.. a.Dims.Select(_ => 1)];
            shape = keepDims ? kept : [];
        }
        var output = Output(shape, a.RequiresGrad, zeroed: true);
        Reduce.SumTo<T>(a.Data, a.Dims, output.Data, kept);
        if (output.RequiresGrad) output.Creator = new Sum<T>(a, kept);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Reduce.AddBroadcast<T>(gradOutput, keptShape, A.GradientSpan(), A.Dims);
}
