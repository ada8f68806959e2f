using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>The largest element along an axis. Its gradient goes to that element alone (the first one on a
/// tie), as with PyTorch's <c>max(dim)</c>.</summary>
internal sealed class Max<T>(Tensor<T> a, int axis, bool keepDims) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _argMax = [];
    private int _axis = axis;

    public override string Name => "max";

    /// <summary>Made non-negative by the forward pass.</summary>
    public int Axis => _axis;

    public bool KeepDims => keepDims;

    protected override Tensor<T> Forward()
    {
        _axis = Shapes.Axis(_axis, A.Dims);
        if (A.Dims[_axis] == 0) throw new ArgumentException($"Expected elements along axis {_axis} to take the maximum of, got shape {Shapes.Format(A.Dims)}.");
        var (outer, length, inner) = Shapes.AroundAxis(A.Dims, _axis);
        var output = Output(Shapes.Reduced(A.Dims, _axis, keepDims));
        _argMax = new int[output.Count];
        Reduce.MaxAxis<T>(A.Data, outer, length, inner, output.Data, _argMax);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var (_, length, inner) = Shapes.AroundAxis(A.Dims, _axis);
        for (int r = 0; r < _argMax.Length; r++)
        {
            int o = r / inner, i = r % inner;
            grad[(o * length + _argMax[r]) * inner + i] += gradOutput[r];
        }
    }
}
