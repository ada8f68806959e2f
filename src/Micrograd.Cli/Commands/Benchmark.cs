using System.Diagnostics;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary>
/// Times the moons training step (100 points, MLP 2-16-16-1: forward, loss, backward, SGD update) with each
/// engine, through the same <see cref="Trainer"/> that <c>train</c> uses.
/// </summary>
internal static class Benchmark
{
    /// <summary>The least time spent warming up, whatever the step count: .NET first runs code unoptimized and
    /// recompiles the busy parts after a short delay, so a fast step needs more warm-up steps than a slow one.</summary>
    public static readonly TimeSpan MinimumWarmup = TimeSpan.FromMilliseconds(500);

    /// <summary>True when the library was compiled without optimisation (a Debug build, as plain
    /// <c>dotnet run</c> makes): its timings then say little about the engines.</summary>
    public static bool LibraryIsDebugBuild =>
        typeof(Value).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled);

    /// <summary>The median and mean milliseconds per step of <paramref name="engine"/>, measured over
    /// <paramref name="steps"/> steps after at least <paramref name="warmup"/> untimed ones and at least
    /// <see cref="MinimumWarmup"/> (which let the JIT compile and the caches fill). The median leaves out the
    /// occasional step that pays for a garbage collection; the mean includes it.</summary>
    public static (double Median, double Mean) Milliseconds(EngineKind engine, int warmup, int steps)
    {
        var config = Presets.Moons with { Engine = engine, ValidationEvery = 0, DecayLearningRate = false, Steps = int.MaxValue };
        var trainer = new Trainer(config);
        long warmupStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < warmup || Stopwatch.GetElapsedTime(warmupStart) < MinimumWarmup; i++) trainer.Step();

        var times = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            trainer.Step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (Median(times), times.Average());
    }

    /// <summary>The mean of the two middle values for an even count.</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
