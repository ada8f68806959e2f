using System.CommandLine;
using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Tensors;
using Micrograd.Training;
using Spectre.Console;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd bench</c>: how fast a training step runs on this machine, with each engine.</summary>
internal static class BenchCommand
{
    public const int DefaultSteps = 100;

    /// <summary>The most timed steps per row: each step's time is kept (8 bytes), and a million moons steps on the
    /// dynamic engine take over an hour.</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>Four significant digits, or all the whole digits: at most 5 characters below 100,000, so that the
    /// table fits 80 columns whatever the timings ("0.045", "2.804", "13.99", "162.9", "1163").</summary>
    public static string Compact(double x) =>
        Numbers.Fixed(x, Math.Abs(x) < 10 ? 3 : Math.Abs(x) < 100 ? 2 : Math.Abs(x) < 1000 ? 1 : 0);

    public static Command Create(CliContext context)
    {
        var warmup = OptionKinds.Number("--warmup", $"Seconds of untimed steps before each row is measured, while .NET optimises the busy code (default {Benchmark.DefaultWarmup.TotalSeconds:0}).", s => s is >= 0 and <= 600, "a number of seconds from 0 to 600");
        var steps = OptionKinds.Integer("--steps", $"Timed steps per engine, at most {MaxSteps:N0}; the median is reported (default {DefaultSteps}).", 1, max: MaxSteps);
        // More threads than processors would be reported in the table but never run at once: refused.
        var threads = OptionKinds.Integer("--threads", $"The most threads the tensor engine's kernels may use, from 1 to this machine's {Environment.ProcessorCount} processors (the default); the dynamic and tape engines use one.",
            1, max: Environment.ProcessorCount, why: Environment.ProcessorCount == 1 ? "this machine has 1 processor" : $"this machine has {Environment.ProcessorCount} processors");
        var json = new Option<bool>("--json") { Description = "Print only JSON: one row per workload and engine, [{\"workload\": \"moons\", \"engine\": \"dynamic\", \"threads\": 1, \"ms_per_step\": ...}, ...]." };

        var command = new Command("bench",
            "Time a training step and print the median milliseconds per step: " +
            "moons (100 points, MLP 2-16-16-1, hinge + L2, SGD, float64) on the dynamic, tape and tensor engines, and " +
            "mnist-mlp (a batch of 128 random 784-pixel images, MLP 784-128-64-10, cross-entropy, SGD, float32) on the tensor engine. " +
            "Takes about 10 seconds.")
        {
            warmup, steps, threads, json,
        };

        command.SetAction(parsed =>
        {
            var w = parsed.GetValue(warmup) is { } seconds ? TimeSpan.FromSeconds(seconds) : Benchmark.DefaultWarmup;
            int n = parsed.GetValue(steps) ?? DefaultSteps;
            int tensorThreads = parsed.GetValue(threads) ?? Environment.ProcessorCount;
            if (Benchmark.LibraryIsDebugBuild)
                context.Err.WriteLine("note: this is a Debug build, whose timings say little; run with -c Release (dotnet run -c Release --project src/Micrograd.Cli -- bench).");

            int previousThreads = Tensor.MaxThreads;
            Tensor.MaxThreads = tensorThreads;
            try
            {
                var rows = Benchmark.Workloads
                    .SelectMany(workload => workload.Engines.Select(engine => (
                        Workload: workload,
                        Engine: KindNames.Engines.Of(engine),
                        Threads: engine == EngineKind.Tensor ? tensorThreads : 1,
                        Timing: Benchmark.Measure(workload, engine, w, n))))
                    .ToArray();
                if (parsed.GetValue(json))
                {
                    context.Out.WriteLine("[" + string.Join(", ", rows.Select(r =>
                        $"{{\"workload\": \"{r.Workload.Name}\", \"engine\": \"{r.Engine}\", \"threads\": {r.Threads}, " +
                        $"\"ms_per_step\": {Math.Round(r.Timing.Median, 4).ToString("R", CultureInfo.InvariantCulture)}}}")) + "]");
                    return ExitCodes.Success;
                }

                var table = new Table()
                    .Title($"training step, ms ({n} timed steps each)")
                    .AddColumn("workload")
                    .AddColumn("engine")
                    .AddColumn(new TableColumn("threads").RightAligned())
                    .AddColumn(new TableColumn("median").RightAligned())
                    .AddColumn(new TableColumn("mean").RightAligned())
                    .AddColumn(new TableColumn("KB/step").RightAligned())
                    .AddColumn(new TableColumn("GC/100 steps").RightAligned())
                    .Caption("the mean includes garbage-collection pauses; KB/step is what a step allocates; GC/100 steps: collections of generations 0/1/2");
                foreach (var r in rows)
                    table.AddRow(r.Workload.Name, r.Engine, $"{r.Threads}",
                        Compact(r.Timing.Median), Compact(r.Timing.Mean), Numbers.Fixed(r.Timing.BytesPerStep / 1024.0, r.Timing.BytesPerStep < 1024 * 1000 ? 1 : 0),
                        string.Join("/", r.Timing.Collections.Select(c => Numbers.Short(c, 3))));
                Consoles.For(context).Write(table);
                return ExitCodes.Success;
            }
            finally
            {
                Tensor.MaxThreads = previousThreads;
            }
        });
        return command;
    }
}
