using System.Diagnostics;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// Times the moons training step (100 points, MLP 2-16-16-1: forward, loss, backward, SGD update) with each
/// engine, through the same <see cref="Trainer"/> that <c>train</c> uses.
/// </summary>
internal static class Benchmark
{
    /// <summary>The median milliseconds per step of <paramref name="engine"/>, measured over
    /// <paramref name="steps"/> steps after <paramref name="warmup"/> untimed ones (which let the JIT compile
    /// and the caches fill).</summary>
    public static double MedianMilliseconds(Engine engine, int warmup, int steps)
    {
        var config = Presets.Moons with { Engine = engine, ValidationEvery = 0, Steps = warmup + steps };
        var trainer = new Trainer(config);
        for (int i = 0; i < warmup; i++) trainer.Step();

        var times = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            trainer.Step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return Median(times);
    }

    /// <summary>The middle value (the mean of the two middle values for an even count).</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
