namespace Micrograd.Tensors;

// Ops that move elements rather than compute new ones.
public sealed partial class Tensor<T>
{
    /// <summary>The same elements in a new shape, sharing this tensor's storage (a view); one dimension may be -1.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold <see cref="Tensor.Count"/> elements.</exception>
    public Tensor<T> Reshape(params int[] shape) => new Functions.Reshape<T>(this, shape).Apply();

    /// <summary>Dimensions <paramref name="startDim"/> to <paramref name="endDim"/> made one, as torch.flatten.</summary>
    public Tensor<T> Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dims.Length == 0) return Reshape(1);
        int start = Shapes.Axis(startDim, Dims), end = Shapes.Axis(endDim, Dims);
        if (start > end) throw new ArgumentException($"Expected startDim ({startDim}) not after endDim ({endDim}) for a tensor of shape {Shapes.Format(Dims)}.");
        return Reshape([.. Dims[..start], Shapes.Count(Dims.AsSpan(start, end - start + 1)), .. Dims[(end + 1)..]]);
    }

    /// <summary>The transpose of a matrix, as a copy.</summary>
    /// <exception cref="ArgumentException">When this tensor is not 2-D.</exception>
    public Tensor<T> Transpose()
    {
        if (Dims.Length != 2) throw new ArgumentException($"Expected a matrix to transpose, got shape {Shapes.Format(Dims)}; use Transpose(dim0, dim1) for other ranks.");
        return Transpose(0, 1);
    }

    /// <summary>Dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped, as a copy (torch.transpose).</summary>
    public Tensor<T> Transpose(int dim0, int dim1)
    {
        var order = Enumerable.Range(0, Dims.Length).ToArray();
        int a = Shapes.Axis(dim0, Dims), b = Shapes.Axis(dim1, Dims);
        (order[a], order[b]) = (order[b], order[a]);
        return new Functions.Permute<T>(this, order).Apply();
    }

    /// <summary>Dimension d of the result is dimension dims[d] of this tensor, as a copy (torch.permute).</summary>
    /// <exception cref="ArgumentException">When <paramref name="dims"/> is not a permutation of the axes.</exception>
    public Tensor<T> Permute(params int[] dims) => new Functions.Permute<T>(this, Functions.Permute<T>.Checked(dims, Dims)).Apply();

    /// <summary>Elements <paramref name="start"/> to start + length - 1 along <paramref name="axis"/>, as a copy
    /// (torch.narrow).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an axis or a stretch the tensor does not have.</exception>
    public Tensor<T> Slice(int axis, int start, int length) => new Functions.Slice<T>(this, axis, start, length).Apply();

    /// <summary>torch.cat: the tensors joined along <paramref name="axis"/>; they must agree on every other axis.</summary>
    /// <exception cref="ArgumentException">For no tensors, or shapes that differ elsewhere than along the axis.</exception>
    public static Tensor<T> Concat(IReadOnlyList<Tensor<T>> tensors, int axis)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var inputs = tensors.ToArray();
        for (int i = 0; i < inputs.Length; i++)
            if (inputs[i] is null) throw new ArgumentNullException(nameof(tensors), $"Expected tensors to concatenate, got null at position {i}.");
        return new Functions.Concat<T>(inputs, axis).Apply();
    }

    /// <summary>Rows of the first axis, as PyTorch's <c>weight[idx]</c> and <c>F.embedding</c>: the result has
    /// shape <paramref name="indexShape"/> followed by this tensor's other dimensions. A row taken twice gets
    /// both gradients.</summary>
    /// <exception cref="ArgumentException">For an index outside [0, rows) or a count of indices that is not
    /// the index shape's.</exception>
    public Tensor<T> Take(int[] indices, int[] indexShape) => new Functions.Take<T>(this, indices, indexShape).Apply();

    /// <summary>As <see cref="Take(int[], int[])"/>, with the indices held as whole numbers in a tensor (the
    /// result has its shape followed by this tensor's other dimensions).</summary>
    /// <exception cref="ArgumentException">For an index that is not a whole number in [0, rows).</exception>
    public Tensor<T> Take(Tensor<T> indices) => new Functions.Take<T>(this, Checked(indices)).Apply();

    /// <summary>torch.masked_fill: <paramref name="value"/> where the mask is true (it may be -Infinity, as
    /// causal attention uses), this tensor's element elsewhere; the mask broadcasts to this tensor's shape.</summary>
    /// <exception cref="ArgumentException">When the mask does not broadcast to this tensor's shape.</exception>
    public Tensor<T> MaskedFill(bool[] mask, int[] maskShape, T value) => new Functions.MaskedFill<T>(this, mask, maskShape, value).Apply();
}
