using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.narrow, as a copy: elements start to start + length - 1 along an axis. Backward adds the
/// gradient into that stretch of the input's gradient.</summary>
internal sealed class Slice<T>(Tensor<T> a, int axis, int start, int length) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _axis = axis;

    public override string Name => "slice";

    public int Axis => _axis;
    public int Start => start;
    public int Length => length;

    protected override Tensor<T> Forward()
    {
        _axis = Shapes.Axis(_axis, A.Dims);
        int size = A.Dims[_axis];
        if (start < 0 || length < 0 || start > size - length)
            throw new ArgumentOutOfRangeException(nameof(start), start,
                $"Expected a slice within the {size} elements of axis {_axis} of {Shapes.Format(A.Dims)}, got start {start} and length {length}.");
        var output = Output(Shapes.With(A.Dims, _axis, length));
        Blocks.Copy<T>(A.Data, A.Dims, _axis, start, output.Data, length, add: false);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Blocks.CopyBack<T>(gradOutput, length, A.GradientSpan(), A.Dims, _axis, start);
}
