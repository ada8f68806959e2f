using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.masked_fill: out = value where the mask is true, else a; the mask broadcasts to a's shape.
/// The gradient passes where the mask is false and stops where it is true.</summary>
internal sealed class MaskedFill<T> : Function<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool[] _mask;
    private readonly int[] _maskShape;
    private readonly T _value;

    /// <exception cref="ArgumentException">When the mask does not hold its shape's count of elements or does
    /// not broadcast to a's shape.</exception>
    public MaskedFill(Tensor<T> a, bool[] mask, int[] maskShape, T value) : base(a)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(maskShape);
        if (Shapes.Count(maskShape) != mask.Length)
            throw new ArgumentException($"Expected {Shapes.Count(maskShape)} mask elements for the mask shape {Shapes.Format(maskShape)}, got {mask.Length}.", nameof(mask));
        var shape = Shapes.Broadcast(a.Dims, maskShape, "masked_fill");
        if (!shape.AsSpan().SequenceEqual(a.Dims))
            throw new ArgumentException($"Expected a mask that broadcasts to the tensor's shape {Shapes.Format(a.Dims)}, got a mask of shape {Shapes.Format(maskShape)}.", nameof(maskShape));
        (_mask, _maskShape, _value) = ((bool[])mask.Clone(), (int[])maskShape.Clone(), value);
    }

    public override string Name => "masked_fill";

    public T Value => _value;

    /// <summary>The mask in the tensor's shape, as 1 (fill) or 0, for exporting it.</summary>
    public T[] MaskValues() => [.. _mask.Select(m => m ? T.One : T.Zero)];

    public int[] MaskShape => _maskShape;

    protected override Tensor<T> Forward()
    {
        var output = Output(A.Dims);
        var (x, y) = (A.Data, output.Data);
        var rows = new BroadcastRows(A.Dims, _maskShape, A.Dims);
        int n = rows.Length, step = rows.StrideA;
        while (rows.Next(out int o, out int m, out _))
            for (int j = 0; j < n; j++) y[o + j] = _mask[m + j * step] ? _value : x[o + j];
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var rows = new BroadcastRows(A.Dims, _maskShape, A.Dims);
        int n = rows.Length, step = rows.StrideA;
        while (rows.Next(out int o, out int m, out _))
            for (int j = 0; j < n; j++)
                if (!_mask[m + j * step]) grad[o + j] += gradOutput[o + j];
    }
}
