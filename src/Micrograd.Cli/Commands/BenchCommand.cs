using System.CommandLine;
using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Training;
using Spectre.Console;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd bench</c>: how fast a training step runs on this machine, with each engine.</summary>
internal static class BenchCommand
{
    public const int DefaultWarmup = 50;

    public const int DefaultSteps = 100;

    public static Command Create(CliContext context)
    {
        var warmup = OptionKinds.Integer("--warmup", $"Untimed steps before measuring, for the JIT and caches (default {DefaultWarmup}; warm-up lasts at least half a second).", 0);
        var steps = OptionKinds.Integer("--steps", $"Timed steps per engine; the median is reported (default {DefaultSteps}).", 1);
        var json = new Option<bool>("--json") { Description = "Print only JSON: [{\"engine\": \"dynamic\", \"ms_per_step\": ...}, {\"engine\": \"tape\", \"ms_per_step\": ...}]." };

        var command = new Command("bench",
            "Time the moons training step (100 points, MLP 2-16-16-1: forward, loss, backward, SGD update) with the dynamic engine and the tape, " +
            "and print the median milliseconds per step. Takes a few seconds.")
        {
            warmup, steps, json,
        };

        command.SetAction(parsed =>
        {
            int w = parsed.GetValue(warmup) ?? DefaultWarmup, n = parsed.GetValue(steps) ?? DefaultSteps;
            if (Benchmark.LibraryIsDebugBuild)
                context.Err.WriteLine("note: this is a Debug build, whose timings say little; run with -c Release (dotnet run -c Release --project src/Micrograd.Cli -- bench).");
            var results = new[] { EngineKind.Dynamic, EngineKind.Tape }
                .Select(e => (Name: KindNames.Engines.Of(e), Ms: Benchmark.Milliseconds(e, w, n)))
                .ToArray();

            if (parsed.GetValue(json))
            {
                context.Out.WriteLine("[" + string.Join(", ", results.Select(r =>
                    $"{{\"engine\": \"{r.Name}\", \"ms_per_step\": {Math.Round(r.Ms.Median, 4).ToString("R", CultureInfo.InvariantCulture)}}}")) + "]");
                return ExitCodes.Success;
            }

            var table = new Table()
                .Title($"moons training step, ms ({n} steps)")
                .AddColumn("engine")
                .AddColumn(new TableColumn("median").RightAligned())
                .AddColumn(new TableColumn("vs dynamic").RightAligned())
                .AddColumn(new TableColumn("mean").RightAligned())
                .AddColumn(new TableColumn("vs dynamic").RightAligned())
                .Caption("the mean includes garbage-collection pauses");
            foreach (var (name, ms) in results)
                table.AddRow(name,
                    Numbers.Fixed(ms.Median, 3), $"{Numbers.Fixed(results[0].Ms.Median / ms.Median, 1)}x",
                    Numbers.Fixed(ms.Mean, 3), $"{Numbers.Fixed(results[0].Ms.Mean / ms.Mean, 1)}x");
            Consoles.For(context).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
