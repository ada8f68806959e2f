using System.Numerics;

namespace Micrograd.Tensors.Kernels;

/// <summary>
/// The elementwise loops: every op's forward rule and local derivative come from its one definition in
/// Ops.cs, applied element by element, exactly as the scalar engine applies them to one Value.
/// </summary>
internal static class Elementwise
{
    /// <summary>output[i] = f(a[i]).</summary>
    public static void Map<TOp, T>(ReadOnlySpan<T> a, Span<T> output)
        where TOp : struct, IUnaryOp where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < output.Length; i++) output[i] = TOp.Forward(a[i]);
    }

    /// <summary>gradA[i] += f'(a[i]) · gradOutput[i]: the chain rule, element by element.</summary>
    public static void MapBackward<TOp, T>(ReadOnlySpan<T> a, ReadOnlySpan<T> output, ReadOnlySpan<T> gradOutput, Span<T> gradA)
        where TOp : struct, IUnaryOp where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < gradA.Length; i++) gradA[i] += TOp.Local(a[i], output[i]) * gradOutput[i];
    }

    /// <summary>output = f(a, b) with a and b broadcast to the output's shape.</summary>
    public static void Zip<TOp, T>(ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, Span<T> output, int[] outShape)
        where TOp : struct, IBinaryOp where T : IFloatingPointIeee754<T>
    {
        var rows = new BroadcastRows(outShape, aShape, bShape);
        int n = rows.Length, sa = rows.StrideA, sb = rows.StrideB;
        while (rows.Next(out int o, out int ia, out int ib))
        {
            if (sa == 1 && sb == 1)
                for (int j = 0; j < n; j++) output[o + j] = TOp.Forward(a[ia + j], b[ib + j]);
            else if (sa == 1)
            {
                T y = b[ib];
                for (int j = 0; j < n; j++) output[o + j] = TOp.Forward(a[ia + j], y);
            }
            else
            {
                T x = a[ia];
                for (int j = 0; j < n; j++) output[o + j] = TOp.Forward(x, b[ib + j * sb]);
            }
        }
    }

    /// <summary>
    /// The chain rule for f(a, b) over broadcast operands, in the output's layout: gradA[i] += ∂f/∂a · g[i]
    /// and gradB[i] += ∂f/∂b · g[i] for every output element i. Either gradient may be empty (not wanted).
    /// Where an operand was broadcast, its gradient here has the output's shape and is summed back to the
    /// operand's shape afterwards (<see cref="Reduce.SumTo{T}"/>).
    /// </summary>
    public static void ZipBackward<TOp, T>(ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, ReadOnlySpan<T> output,
        int[] outShape, ReadOnlySpan<T> gradOutput, Span<T> gradA, Span<T> gradB)
        where TOp : struct, IBinaryOp where T : IFloatingPointIeee754<T>
    {
        bool wantA = !gradA.IsEmpty, wantB = !gradB.IsEmpty;
        var rows = new BroadcastRows(outShape, aShape, bShape);
        int n = rows.Length, sa = rows.StrideA, sb = rows.StrideB;
        while (rows.Next(out int o, out int ia, out int ib))
        {
            for (int j = 0; j < n; j++)
            {
                int k = o + j;
                var (da, db) = TOp.Local(a[ia + j * sa], b[ib + j * sb], output[k]);
                if (wantA) gradA[k] += da * gradOutput[k];
                if (wantB) gradB[k] += db * gradOutput[k];
            }
        }
    }
}
