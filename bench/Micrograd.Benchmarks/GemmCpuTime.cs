using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Benchmarks;

/// <summary>
/// The one-thread shapes of <see cref="GemmBenchmarks{T}"/> timed with the thread's CPU clock instead of the wall
/// clock, as tools/reference/bench_openblas_gemm.py --cpu-time times OpenBLAS: on a machine shared with other
/// jobs it leaves out the time the thread waited for a core. Each round times every case once; the figure is
/// the median over rounds. Linux only (clock_gettime).
///
///     dotnet run -c Release --project bench/Micrograd.Benchmarks -- gemm-cpu-time [rounds]
/// </summary>
internal static class GemmCpuTime
{
    public static void Run(int rounds)
    {
        var cases = GemmBenchmarks<float>.Cases().Where(s => s.Threads == 1).ToArray();
        var runs = cases.Select(s => Timer<float>(s)).Concat(cases.Select(s => Timer<double>(s))).ToArray();
        var times = runs.Select(_ => new List<double>()).ToArray();
        foreach (var (_, _, call) in runs) call(); // compiled and warm before any figure counts
        for (int round = 0; round < rounds; round++)
            for (int i = 0; i < runs.Length; i++)
                times[i].Add(CpuClock.SecondsPerCall(runs[i].Call, budget: 0.1));

        Console.WriteLine($"Gemm.Multiply, one thread; median of {rounds} rounds; thread CPU time");
        Console.WriteLine($"{"case",-20} {"type",-8} {"us/call",10} {"GFLOP/s",9}");
        for (int i = 0; i < runs.Length; i++)
        {
            var (s, type, _) = runs[i];
            double t = times[i].Order().ElementAt(times[i].Count / 2);
            Console.WriteLine($"{s.Name,-20} {type,-8} {t * 1e6,10:F2} {2.0 * s.M * s.N * s.K / t / 1e9,9:F2}");
        }
    }

    private static (GemmShape Shape, string Type, Action Call) Timer<T>(GemmShape shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var benchmark = new GemmBenchmarks<T> { Shape = shape };
        benchmark.Setup();
        return (shape, typeof(T) == typeof(float) ? "float32" : "float64", benchmark.Multiply);
    }
}
