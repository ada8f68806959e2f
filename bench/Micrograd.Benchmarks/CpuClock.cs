using System.Runtime.InteropServices;

namespace Micrograd.Benchmarks;

/// <summary>The calling thread's CPU clock (Linux clock_gettime): on a machine shared with other jobs it leaves
/// out the time the thread waited for a core.</summary>
internal static class CpuClock
{
    /// <summary>Calls in batches until <paramref name="budget"/> seconds of CPU time have passed; the mean per call.</summary>
    public static double SecondsPerCall(Action call, double budget)
    {
        long calls = 0, batch = 1;
        double elapsed = 0;
        while (elapsed < budget)
        {
            double start = ThreadSeconds();
            for (long i = 0; i < batch; i++) call();
            elapsed += ThreadSeconds() - start;
            calls += batch;
            batch *= 2;
        }
        return elapsed / calls;
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double ThreadSeconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var time) != 0) throw new PlatformNotSupportedException("clock_gettime failed");
        return time.Seconds + time.Nanoseconds * 1e-9;
    }
}
