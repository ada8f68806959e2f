namespace Micrograd.Tensors;

/// <summary>Arrays handed back by <see cref="Tensor{T}.ReleaseGraph"/>, kept per thread by exact length. The next
/// step writes into memory still in cache, where fresh memory is cold (that alone cost a 16-wide moons layer more
/// than its arithmetic) and garbage after the step.</summary>
/// <remarks>Only the owning thread touches its lists. A thread whose pool went unused between two garbage
/// collections has its lists dropped at the next one (<see cref="TrimIdle"/>), and <see cref="Trim"/> drops every
/// thread's: a trimmer only swaps a thread's lists for null, so no lock is needed on the hot path.</remarks>
internal static class TensorPool<T> where T : unmanaged
{
    /// <summary>Arrays beyond it go to the garbage collector.</summary>
    internal const long MaxBytesPerThread = 128L << 20;

    private sealed class FreeLists
    {
        public readonly Dictionary<int, Stack<T[]>> ByLength = [];
        public long Bytes;
    }

    private sealed class Pool
    {
        public FreeLists? Lists;
        public long LastEpoch;
    }

    private static readonly Lock s_lock = new();
    private static readonly List<WeakReference<Pool>> s_pools = [];
    [ThreadStatic] private static Pool? t_pool;

    static TensorPool() => TensorPools.Register(TrimIdle, Trim, HeldBytes);

    /// <summary>Unless <paramref name="zeroed"/>, holds whatever an earlier step left in it.</summary>
    public static T[] Rent(int length, bool zeroed)
    {
        if (length == 0) return [];
        var lists = Lists();
        if (lists.ByLength.TryGetValue(length, out var stack) && stack.TryPop(out var array))
        {
            lists.Bytes -= Bytes(length);
            if (zeroed) Array.Clear(array);
            return array;
        }
        return zeroed ? new T[length] : GC.AllocateUninitializedArray<T>(length);
    }

    public static void Return(T[] array)
    {
        var lists = Lists();
        if (array.Length == 0 || lists.Bytes + Bytes(array.Length) > MaxBytesPerThread) return;
        if (!lists.ByLength.TryGetValue(array.Length, out var stack)) lists.ByLength[array.Length] = stack = new Stack<T[]>();
        stack.Push(array);
        lists.Bytes += Bytes(array.Length);
    }

    private static FreeLists Lists()
    {
        var pool = t_pool ??= NewPool();
        pool.LastEpoch = TensorPools.Epoch;
        return Volatile.Read(ref pool.Lists) ?? (pool.Lists = new FreeLists());
    }

    private static Pool NewPool()
    {
        var pool = new Pool();
        lock (s_lock) s_pools.Add(new WeakReference<Pool>(pool));
        return pool;
    }

    private static void TrimIdle(long epoch) => Drop(pool => pool.LastEpoch < epoch);

    private static void Trim() => Drop(_ => true);

    private static void Drop(Func<Pool, bool> which)
    {
        lock (s_lock)
        {
            s_pools.RemoveAll(r => !r.TryGetTarget(out _));
            foreach (var r in s_pools)
                if (r.TryGetTarget(out var pool) && which(pool)) Interlocked.Exchange(ref pool.Lists, null);
        }
    }

    private static long HeldBytes()
    {
        long total = 0;
        lock (s_lock)
            foreach (var r in s_pools)
                if (r.TryGetTarget(out var pool) && Volatile.Read(ref pool.Lists) is { } lists) total += lists.Bytes;
        return total;
    }

    private static long Bytes(int length) => (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}

/// <summary>The pools of every number type, trimmed together: at each garbage collection (a finalizer that
/// re-registers itself, as .NET's own array pools do) and on <see cref="Tensor.TrimPool"/>.</summary>
internal static class TensorPools
{
    private static readonly Lock s_lock = new();
    private static readonly List<(Action<long> TrimIdle, Action Trim, Func<long> Held)> s_pools = [];
    private static long s_epoch;

    /// <summary>Counts garbage collections seen; a pool used since the last one is in use.</summary>
    public static long Epoch => Volatile.Read(ref s_epoch);

    public static void Register(Action<long> trimIdle, Action trim, Func<long> held)
    {
        lock (s_lock)
        {
            if (s_pools.Count == 0) _ = new GcCallback();
            s_pools.Add((trimIdle, trim, held));
        }
    }

    public static void Trim()
    {
        lock (s_lock) foreach (var p in s_pools) p.Trim();
    }

    public static long HeldBytes()
    {
        lock (s_lock) return s_pools.Sum(p => p.Held());
    }

    private static void OnCollection()
    {
        long epoch = Interlocked.Increment(ref s_epoch) - 1;
        lock (s_lock) foreach (var p in s_pools) p.TrimIdle(epoch);
    }

    private sealed class GcCallback
    {
        ~GcCallback()
        {
            OnCollection();
            if (!Environment.HasShutdownStarted) GC.ReRegisterForFinalize(this);
        }
    }
}
