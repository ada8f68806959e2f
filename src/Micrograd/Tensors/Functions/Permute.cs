using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.permute, as a copy: dimension d of the output is dimension order[d] of the input. Its backward
/// moves the gradient back through the same permutation.</summary>
internal sealed class Permute<T>(Tensor<T> a, int[] order) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "permute";

    /// <summary>The permutation, every axis made non-negative.</summary>
    public int[] Order { get; } = order;

    /// <exception cref="ArgumentException">When <paramref name="dims"/> is not a permutation of the axes.</exception>
    public static int[] Checked(int[] dims, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != shape.Length)
            throw new ArgumentException($"Expected {shape.Length} dimensions to permute a tensor of shape {Shapes.Format(shape)}, got {dims.Length} ({Shapes.Format(dims)}).", nameof(dims));
        var order = dims.Select(d => Shapes.Axis(d, shape)).ToArray();
        if (order.Distinct().Count() != order.Length)
            throw new ArgumentException($"Expected each dimension once in a permutation of {Shapes.Format(shape)}, got {Shapes.Format(dims)}.", nameof(dims));
        return order;
    }

    protected override Tensor<T> Forward()
    {
        var output = Output([.. Order.Select(d => A.Dims[d])]);
        Kernels.Permute.Move<T>(A.Data, A.Dims, Order, output.Data, backward: false);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        // Move only reads its result span when going backward.
        var g = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(gradOutput), gradOutput.Length);
        Kernels.Permute.Move<T>(A.GradientSpan(), A.Dims, Order, g, backward: true);
    }
}
