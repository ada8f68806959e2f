namespace Micrograd.Tensors;

/// <summary>Arrays handed back by <see cref="Tensor{T}.ReleaseGraph"/>, kept per thread by exact length. The next
/// step writes into memory still in cache, where fresh memory is cold (that alone cost a 16-wide moons layer more
/// than its arithmetic) and garbage after the step.</summary>
internal static class TensorPool<T> where T : unmanaged
{
    /// <summary>Arrays beyond it go to the garbage collector.</summary>
    private const long MaxBytesPerThread = 256L << 20;

    [ThreadStatic] private static Dictionary<int, Stack<T[]>>? t_free;
    [ThreadStatic] private static long t_bytes;

    /// <summary>Unless <paramref name="zeroed"/>, holds whatever an earlier step left in it.</summary>
    public static T[] Rent(int length, bool zeroed)
    {
        if (length == 0) return [];
        if (t_free is not null && t_free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
        {
            t_bytes -= Bytes(length);
            if (zeroed) Array.Clear(array);
            return array;
        }
        return zeroed ? new T[length] : GC.AllocateUninitializedArray<T>(length);
    }

    public static void Return(T[] array)
    {
        if (array.Length == 0 || t_bytes + Bytes(array.Length) > MaxBytesPerThread) return;
        t_free ??= [];
        if (!t_free.TryGetValue(array.Length, out var stack)) t_free[array.Length] = stack = new Stack<T[]>();
        stack.Push(array);
        t_bytes += Bytes(array.Length);
    }

    private static long Bytes(int length) => (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}
