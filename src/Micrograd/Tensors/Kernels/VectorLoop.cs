using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>A rule on one to three vectors, giving one: what <see cref="VectorLoop"/> applies along spans.</summary>
internal interface IVectorRule<T> where T : IFloatingPointIeee754<T>
{
    Vector<T> Apply(Vector<T> x, Vector<T> y, Vector<T> z);
}

/// <summary>Applies a vector rule along spans a vector at a time; the last, partial vector goes through a padded
/// copy, so the rule is written once and no element is computed by other arithmetic.</summary>
internal static class VectorLoop
{
    /// <summary>output[i] = rule(x[i], y[i], z[i]); <paramref name="y"/> and <paramref name="z"/> may be empty
    /// when the rule ignores them, and <paramref name="output"/> may be one of the inputs.</summary>
    public static void Map<T, TRule>(TRule rule, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T> where TRule : struct, IVectorRule<T>
    {
        int width = Vector<T>.Count, n = output.Length, i = 0;
        bool hasY = !y.IsEmpty, hasZ = !z.IsEmpty;
        for (; i <= n - width; i += width)
            Store(rule.Apply(Load(x, i), hasY ? Load(y, i) : default, hasZ ? Load(z, i) : default), output, i);
        if (i == n) return;
        Span<T> pad = stackalloc T[4 * width];
        pad.Clear();
        x[i..].CopyTo(pad);
        if (hasY) y[i..].CopyTo(pad[width..]);
        if (hasZ) z[i..].CopyTo(pad[(2 * width)..]);
        Store(rule.Apply(Load(pad, 0), Load(pad, width), Load(pad, 2 * width)), pad, 3 * width);
        pad.Slice(3 * width, n - i).CopyTo(output[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load<T>(ReadOnlySpan<T> span, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Vector<T> value, Span<T> span, int i) => value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);
}
