using Micrograd.Tensors;
using Micrograd.Training;

namespace Micrograd.Benchmarks;

/// <summary>
/// The engine benchmarks (<see cref="EngineBenchmarks"/> per node, the moons step of <see cref="TrainingStepBenchmarks"/>
/// on the dynamic engine and the tape, and both steps of <see cref="TensorStepBenchmarks"/> on one thread) timed
/// with the thread's CPU clock, for comparing two builds side by side on a busy machine. Each round times every
/// case once, after 2 s of warm-up; the figure is the median over rounds.
///
///     dotnet run -c Release --project bench/Micrograd.Benchmarks -- step-cpu-time [rounds]
/// </summary>
internal static class StepCpuTime
{
    public static void Run(int rounds)
    {
        Tensor.MaxThreads = 1;
        var engine = new EngineBenchmarks();
        engine.Setup();
        var cases = new (string Name, double Scale, string Unit, Action Call)[]
        {
            ("dynamic forward+backward", 1e9 / EngineBenchmarks.Nodes, "ns/node", () => engine.ForwardBackward()),
            ("moons step, dynamic", 1e3, "ms", Trainer(EngineKind.Dynamic)),
            ("moons step, tape", 1e3, "ms", Trainer(EngineKind.Tape)),
            ("moons step, tensor f64", 1e3, "ms", TensorStepBenchmarks.MoonsStep()),
            ("mnist-mlp step, tensor f32", 1e3, "ms", TensorStepBenchmarks.MnistStep()),
        };
        foreach (var c in cases) CpuClock.SecondsPerCall(c.Call, budget: 2.0);
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
            for (int i = 0; i < cases.Length; i++)
                times[i].Add(CpuClock.SecondsPerCall(cases[i].Call, budget: 0.3));

        Console.WriteLine($"one thread; median of {rounds} rounds; thread CPU time");
        for (int i = 0; i < cases.Length; i++)
            Console.WriteLine($"{cases[i].Name,-28} {times[i].Order().ElementAt(rounds / 2) * cases[i].Scale,10:F4} {cases[i].Unit}");
    }

    private static Action Trainer(EngineKind kind)
    {
        var benchmark = new TrainingStepBenchmarks { Engine = kind };
        benchmark.Setup();
        return () => benchmark.Step();
    }
}
