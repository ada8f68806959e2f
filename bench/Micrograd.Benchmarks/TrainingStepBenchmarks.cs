using BenchmarkDotNet.Attributes;
using Micrograd.Training;

namespace Micrograd.Benchmarks;

/// <summary>
/// One training step of the moons preset (100 points, 2-16-16-1 ReLU, hinge loss + L2, forward, backward and
/// SGD update) with each engine, through the same Trainer.Step the command line uses. The learning-rate decay
/// is off so that any number of steps stays valid; it does not change the work of a step.
/// tools/reference/bench_pytorch_step.py times the same step in PyTorch's eager mode.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private Trainer _trainer = null!;

    /// <summary>The engine under test.</summary>
    [Params(EngineKind.Dynamic, EngineKind.Tape)]
    public EngineKind Engine { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _trainer = new Trainer(Presets.Moons with
        {
            Engine = Engine,
            DecayLearningRate = false,
            Steps = int.MaxValue,
            ValidationEvery = 0,
        });

    [Benchmark(Description = "moons training step")]
    public double Step() => _trainer.Step().TrainLoss;
}
