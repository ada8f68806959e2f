using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>Each op's rules from Ops.cs and Ops.Vectors.cs, applied a vector at a time, the last few elements as
/// the scalar engine applies them to a Value. A one-operand op's forward is a span call of its own.</summary>
internal static class Elementwise
{
    /// <summary>gradA[i] += f'(a[i]) · gradOutput[i]: the chain rule, element by element.</summary>
    public static void MapBackward<TOp, T>(ReadOnlySpan<T> a, ReadOnlySpan<T> output, ReadOnlySpan<T> gradOutput, Span<T> gradA)
        where TOp : struct, IVectorUnaryOp where T : IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= gradA.Length - Vector<T>.Count; i += Vector<T>.Count)
            Store(Load(gradA, i) + TOp.Local(Load(a, i), Load(output, i)) * Load(gradOutput, i), gradA, i);
        for (; i < gradA.Length; i++) gradA[i] += TOp.Local(a[i], output[i]) * gradOutput[i];
    }

    public static void Zip<TOp, T>(ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, Span<T> output, int[] outShape)
        where TOp : struct, IVectorBinaryOp where T : IFloatingPointIeee754<T>
    {
        var rows = new BroadcastRows(outShape, aShape, bShape);
        int n = rows.Length, sa = rows.StrideA, sb = rows.StrideB;
        while (rows.Next(out int o, out int ia, out int ib))
        {
            var row = output.Slice(o, n);
            var ra = a.Slice(ia, sa == 1 ? n : 1);
            var rb = b.Slice(ib, sb == 1 ? n : 1);
            int j = 0;
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
                Store(TOp.Forward(sa == 1 ? Load(ra, j) : new Vector<T>(ra[0]), sb == 1 ? Load(rb, j) : new Vector<T>(rb[0])), row, j);
            for (; j < n; j++) row[j] = TOp.Forward(ra[j * sa], rb[j * sb]);
        }
    }

    /// <summary>gradA[i] += ∂f/∂a · g[i] and gradB[i] += ∂f/∂b · g[i], in the output's layout (a broadcast
    /// operand's gradient is summed back afterwards by <see cref="Reduce.SumTo{T}"/>); either may be empty.</summary>
    public static void ZipBackward<TOp, T>(ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, ReadOnlySpan<T> output,
        int[] outShape, ReadOnlySpan<T> gradOutput, Span<T> gradA, Span<T> gradB)
        where TOp : struct, IVectorBinaryOp where T : IFloatingPointIeee754<T>
    {
        bool wantA = !gradA.IsEmpty, wantB = !gradB.IsEmpty;
        var rows = new BroadcastRows(outShape, aShape, bShape);
        int n = rows.Length, sa = rows.StrideA, sb = rows.StrideB;
        while (rows.Next(out int o, out int ia, out int ib))
        {
            var ra = a.Slice(ia, sa == 1 ? n : 1);
            var rb = b.Slice(ib, sb == 1 ? n : 1);
            var ro = output.Slice(o, n);
            var g = gradOutput.Slice(o, n);
            var ga = wantA ? gradA.Slice(o, n) : default;
            var gb = wantB ? gradB.Slice(o, n) : default;
            int j = 0;
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
            {
                var (da, db) = TOp.Local(sa == 1 ? Load(ra, j) : new Vector<T>(ra[0]), sb == 1 ? Load(rb, j) : new Vector<T>(rb[0]), Load(ro, j));
                var gj = Load(g, j);
                if (wantA) Store(Load(ga, j) + da * gj, ga, j);
                if (wantB) Store(Load(gb, j) + db * gj, gb, j);
            }
            for (; j < n; j++)
            {
                var (da, db) = TOp.Local(ra[j * sa], rb[j * sb], ro[j]);
                if (wantA) ga[j] += da * g[j];
                if (wantB) gb[j] += db * g[j];
            }
        }
    }

    // Callers keep i + Vector<T>.Count within the span.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load<T>(ReadOnlySpan<T> span, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Vector<T> value, Span<T> span, int i) => value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);
}
