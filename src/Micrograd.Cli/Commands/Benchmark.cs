using System.Diagnostics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary>A training step to time, and the engines that can run it.</summary>
/// <param name="Name">As in <c>--json</c>'s <c>"workload"</c>.</param>
/// <param name="Engines">In the order of the table.</param>
/// <param name="Trainer">A trainer for the workload on the given engine.</param>
internal sealed record Workload(string Name, IReadOnlyList<EngineKind> Engines, Func<EngineKind, Trainer> Trainer);

/// <summary>How fast one engine ran one workload.</summary>
/// <param name="Median">Milliseconds per step; leaves out the occasional step that pays for a garbage collection.</param>
/// <param name="Mean">Milliseconds per step, garbage collections included.</param>
/// <param name="BytesPerStep">Allocated on all threads, averaged over the timed steps.</param>
/// <param name="Collections">Collections of generations 0, 1 and 2 per 100 timed steps.</param>
internal sealed record Timing(double Median, double Mean, long BytesPerStep, double[] Collections);

/// <summary>
/// Times two training steps through the same <see cref="Trainer"/> that <c>train</c> uses:
/// moons (100 points, MLP 2-16-16-1, hinge + L2, SGD, float64) with every engine, and mnist-mlp (a batch of 128
/// random 784-pixel images, MLP 784-128-64-10, cross-entropy, SGD, float32) with the tensor engine, the only
/// one made for it (the dynamic engine would build about 30 million Values per step).
/// </summary>
internal static class Benchmark
{
    /// <summary>The default warm-up: .NET first runs code unoptimized, then recompiles the busy parts in the
    /// background, and the tensor engine's steps reach their speed only after about two seconds of them.</summary>
    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(2);

    public static readonly Workload Moons = new("moons",
        [EngineKind.Dynamic, EngineKind.Tape, EngineKind.Tensor],
        engine => new Trainer(Presets.Moons with { Engine = engine, ValidationEvery = 0, DecayLearningRate = false, Steps = int.MaxValue }));

    public static readonly Workload MnistMlp = new("mnist-mlp",
        [EngineKind.Tensor], MnistTrainer);

    public static IReadOnlyList<Workload> Workloads { get; } = [Moons, MnistMlp];

    /// <summary>True when the library was compiled without optimisation (a Debug build, as plain
    /// <c>dotnet run</c> makes): its timings then say little about the engines.</summary>
    public static bool LibraryIsDebugBuild =>
        typeof(Value).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled);

    /// <summary>Times <paramref name="steps"/> steps after untimed ones for <paramref name="warmup"/>.</summary>
    public static Timing Measure(Workload workload, EngineKind engine, TimeSpan warmup, int steps)
    {
        // What an earlier measurement left on the heap would slow this one's garbage collections.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var trainer = workload.Trainer(engine);
        long warmupStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmupStart) < warmup) trainer.Step();

        var times = new double[steps];
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            trainer.Step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var collections = collectionsBefore.Select((before, gen) => (GC.CollectionCount(gen) - before) * 100.0 / steps).ToArray();
        return new Timing(Median(times), times.Average(), bytes / steps, collections);
    }

    /// <summary>The mean of the two middle values for an even count.</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Trainer MnistTrainer(EngineKind engine)
    {
        const int batch = 128, pixels = 784, classes = 10;
        var rng = new Rng(1337);
        var inputs = new double[batch][];
        var targets = new double[batch];
        for (int i = 0; i < batch; i++)
        {
            inputs[i] = new double[pixels];
            for (int j = 0; j < pixels; j++) inputs[i][j] = rng.Uniform();
            targets[i] = i % classes;
        }
        var images = new Dataset("random images", inputs, targets);
        var config = new TrainingConfig
        {
            Name = "mnist-mlp", Layers = [128, 64, classes], Loss = LossKind.CrossEntropy, Optimizer = OptimizerKind.Sgd,
            LearningRate = 0.01, Init = Nn.Init.Scaled, Steps = int.MaxValue, ValidationEvery = 0,
            Engine = engine, Precision = Precision.Float32,
        };
        return new Trainer(config, Datasets.TrainOnly(images), rng);
    }
}
