using System.Buffers;
using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>out = f(a, b), element by element with NumPy broadcasting, for any two-operand op of Ops.cs.</summary>
/// <remarks>Broadcasting's backward is not written here: an operand that was broadcast gets its gradient in
/// the output's shape first, then <see cref="Reduce.SumTo{T}"/> sums it back to its own shape.</remarks>
internal sealed class Binary<TOp, T>(Tensor<T> a, Tensor<T> b) : Function<T>(a, b)
    where TOp : struct, IVectorBinaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => TOp.Symbol;

    protected override Tensor<T> Forward()
    {
        var shape = Shapes.Broadcast(A.Dims, B.Dims, TOp.Symbol);
        var output = Output(shape);
        Elementwise.Zip<TOp, T>(A.Data, A.Dims, B.Data, B.Dims, output.Data, shape);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var bufferA = GradientInOutputLayout(A, output, out var gradA);
        var bufferB = GradientInOutputLayout(B, output, out var gradB);
        Elementwise.ZipBackward<TOp, T>(A.Data, A.Dims, B.Data, B.Dims, output.Data, output.Dims, gradOutput, gradA, gradB);
        SumBack(bufferA, output, A);
        SumBack(bufferB, output, B);
    }

    // Where the operand has the output's shape its gradient is written in place; where it was broadcast, into
    // a zeroed scratch buffer of the output's shape, summed back afterwards.
    private static T[]? GradientInOutputLayout(Tensor<T> operand, Tensor<T> output, out Span<T> gradient)
    {
        gradient = operand.Count == output.Count ? operand.GradientSpan() : default;
        if (!operand.RequiresGrad || operand.Count == output.Count) return null;
        var buffer = ArrayPool<T>.Shared.Rent(output.Count);
        gradient = buffer.AsSpan(0, output.Count);
        gradient.Clear();
        return buffer;
    }

    private static void SumBack(T[]? buffer, Tensor<T> output, Tensor<T> operand)
    {
        if (buffer is null) return;
        Reduce.SumTo<T>(buffer.AsSpan(0, output.Count), output.Dims, operand.GradientSpan(), operand.Dims);
        ArrayPool<T>.Shared.Return(buffer);
    }
}
