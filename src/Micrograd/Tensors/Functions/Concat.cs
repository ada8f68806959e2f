using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.cat along an axis: every tensor has the same shape but for that axis. Backward hands each
/// input its stretch of the gradient.</summary>
internal sealed class Concat<T>(Tensor<T>[] tensors, int axis) : Function<T>(tensors) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _axis = axis;

    public override string Name => "concat";

    public int Axis => _axis;

    protected override Tensor<T> Forward()
    {
        var inputs = Inputs;
        if (inputs.Length == 0) throw new ArgumentException("Expected at least one tensor to concatenate, got none.");
        var first = inputs[0].Dims;
        if (first.Length == 0) throw new ArgumentException("Expected tensors of rank 1 or more to concatenate, got a single number.");
        _axis = Shapes.Axis(_axis, first);
        long total = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            var dims = inputs[i].Dims;
            if (dims.Length != first.Length || Enumerable.Range(0, dims.Length).Any(d => d != _axis && dims[d] != first[d]))
                throw new ArgumentException(
                    $"Expected tensors that differ only along axis {_axis} to concatenate, got {Shapes.Format(first)} and {Shapes.Format(dims)} (tensor {i + 1}).");
            total += dims[_axis];
        }
        if (total > int.MaxValue) throw new ArgumentException($"Expected at most {int.MaxValue:N0} elements along axis {_axis}, got {total:N0}.");
        var output = Output(Shapes.With(first, _axis, (int)total));
        int at = 0;
        foreach (var t in inputs)
        {
            Blocks.CopyBack<T>(t.Data, t.Dims[_axis], output.Data, output.Dims, _axis, at, add: false);
            at += t.Dims[_axis];
        }
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        int at = 0;
        foreach (var t in Inputs)
        {
            int size = t.Dims[_axis];
            if (t.RequiresGrad) Blocks.Copy<T>(gradOutput, output.Dims, _axis, at, t.GradientSpan(), size, add: true);
            at += size;
        }
    }
}
