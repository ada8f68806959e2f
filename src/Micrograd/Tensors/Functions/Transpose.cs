using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>The transpose of a matrix: out[j, i] = a[i, j]. Its backward transposes the gradient back.</summary>
internal sealed class Transpose<T>(Tensor<T> a) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "transpose";

    public static Tensor<T> Apply(Tensor<T> a)
    {
        if (a.Dims.Length != 2) throw new ArgumentException($"Expected a matrix to transpose, got shape {Shape.Format(a.Dims)}.");
        int rows = a.Dims[0], cols = a.Dims[1];
        var output = Output([cols, rows], a.RequiresGrad);
        Swap(a.Data, output.Data, rows, cols, accumulate: false);
        if (output.RequiresGrad) output.Creator = new Transpose<T>(a);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput) =>
        Swap(gradOutput, A.GradientSpan(), A.Dims[1], A.Dims[0], accumulate: true);

    // to[j, i] (+)= from[i, j], for from of rows × cols.
    private static void Swap(ReadOnlySpan<T> from, Span<T> to, int rows, int cols, bool accumulate)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                to[j * rows + i] = accumulate ? to[j * rows + i] + from[i * cols + j] : from[i * cols + j];
    }
}
