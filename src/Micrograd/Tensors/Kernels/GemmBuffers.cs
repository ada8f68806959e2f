using System.Numerics;

namespace Micrograd.Tensors.Kernels;

/// <summary>
/// The packing buffers, one pair per thread and number type, grown on demand and kept: in steady state a
/// product allocates nothing. Per thread, because the worker threads of a parallel product pack their own blocks.
/// </summary>
internal static class GemmBuffers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] private static T[]? s_a;
    [ThreadStatic] private static T[]? s_b;

    public static Span<T> A(int length) => Grow(ref s_a, length);

    public static Span<T> B(int length) => Grow(ref s_b, length);

    private static Span<T> Grow(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(length);
        return buffer.AsSpan(0, length);
    }
}
