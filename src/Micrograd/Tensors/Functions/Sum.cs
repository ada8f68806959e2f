using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>The sum along one axis, or of every element. Its backward hands each input element the gradient
/// of the sum it went into (a broadcast, the mirror image of broadcasting's backward).</summary>
internal sealed class Sum<T>(Tensor<T> a, int? axis, bool keepDims) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _kept = [];

    public override string Name => "sum";

    /// <summary>The axis summed over, made non-negative; null for every element.</summary>
    public int? Axis { get; private set; } = axis;

    public bool KeepDims => keepDims;

    protected override Tensor<T> Forward()
    {
        int[] shape;
        if (Axis is { } given)
        {
            int ax = Shapes.Axis(given, A.Dims);
            Axis = ax;
            _kept = Shapes.Reduced(A.Dims, ax, keepDims: true);
            shape = Shapes.Reduced(A.Dims, ax, keepDims);
        }
        else
        {
            _kept = [.. A.Dims.Select(_ => 1)];
            shape = keepDims ? _kept : [];
        }
        var output = Output(shape, zeroed: true);
        Reduce.SumTo<T>(A.Data, A.Dims, output.Data, _kept);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Reduce.AddBroadcast<T>(gradOutput, _kept, A.GradientSpan(), A.Dims);
}
