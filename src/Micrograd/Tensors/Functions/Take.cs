using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Functions;

/// <summary>Rows of the first axis, PyTorch's <c>weight[idx]</c> and <c>F.embedding</c>: out[j, ...] =
/// a[indices[j], ...]. Backward adds each row's gradient into the row it came from, so a row taken twice
/// receives both (chapter 5's <c>+=</c>, on rows).</summary>
/// <remarks>The indices may come from a tensor of whole numbers (an embedding's input), which is then an input
/// of this node without a gradient, so that the graph records where they came from.</remarks>
internal sealed class Take<T> : Function<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _indices, _indexShape;

    public Take(Tensor<T> a, int[] indices, int[] indexShape) : base(a) => (_indices, _indexShape) = Checked(a, indices, indexShape);

    /// <summary>The indices are whole numbers held in a tensor, each a row of a.</summary>
    public Take(Tensor<T> a, Tensor<T> indices) : base(a, indices) => (_indices, _indexShape) = Checked(a, Whole(indices), indices.Dims);

    public override string Name => "take";

    /// <summary>The row indices (read from the indices tensor, when they came in one: the second input).</summary>
    public ReadOnlySpan<int> Indices => _indices;

    public ReadOnlySpan<int> IndexShape => _indexShape;

    protected override Tensor<T> Forward()
    {
        int row = RowLength(A);
        var output = Output([.. _indexShape, .. A.Dims[1..]]);
        var from = A.Data.AsSpan();
        var to = output.Data.AsSpan();
        for (int j = 0; j < _indices.Length; j++) from.Slice(_indices[j] * row, row).CopyTo(to.Slice(j * row, row));
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        if (!A.RequiresGrad) return;
        int row = RowLength(A);
        var grad = A.GradientSpan();
        for (int j = 0; j < _indices.Length; j++)
        {
            var into = grad.Slice(_indices[j] * row, row);
            TensorPrimitives.Add(into, gradOutput.Slice(j * row, row), into);
        }
    }

    private static int RowLength(Tensor<T> a) => a.Dims[0] == 0 ? 0 : a.Count / a.Dims[0];

    private static (int[], int[]) Checked(Tensor<T> a, int[] indices, int[] indexShape)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(indexShape);
        if (a.Dims.Length == 0) throw new ArgumentException("Expected a tensor of rank 1 or more to take rows of, got a single number.");
        if (Shapes.Count(indexShape) != indices.Length)
            throw new ArgumentException($"Expected {Shapes.Count(indexShape)} indices for the index shape {Shapes.Format(indexShape)}, got {indices.Length}.", nameof(indices));
        if (indexShape.Length + a.Dims.Length - 1 > Shapes.MaxRank)
            throw new ArgumentException($"Expected at most {Shapes.MaxRank} dimensions, but indices of shape {Shapes.Format(indexShape)} into {Shapes.Format(a.Dims)} make {indexShape.Length + a.Dims.Length - 1}.");
        int rows = a.Dims[0];
        for (int j = 0; j < indices.Length; j++)
            if ((uint)indices[j] >= (uint)rows)
                throw new ArgumentException($"Expected row indices from 0 to {rows - 1} for a tensor of shape {Shapes.Format(a.Dims)}, got {indices[j]} at position {j}.", nameof(indices));
        return ((int[])indices.Clone(), (int[])indexShape.Clone());
    }

    private static int[] Whole(Tensor<T> indices)
    {
        var values = indices.Data;
        var result = new int[values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            T v = values[j];
            if (!T.IsInteger(v) || v < T.Zero || v > T.CreateChecked(int.MaxValue))
                throw new ArgumentException($"Expected whole numbers of 0 or more as indices, got {v} at position {j}.", nameof(indices));
            result[j] = int.CreateChecked(v);
        }
        return result;
    }
}
