using System.CommandLine;
using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Cli.Train;
using Micrograd.Training;
using Spectre.Console;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd bench</c>: how fast a training step runs on this machine, with each engine.</summary>
internal static class BenchCommand
{
    /// <summary>Untimed steps before measuring, unless --warmup says otherwise.</summary>
    public const int DefaultWarmup = 10;

    /// <summary>Timed steps, unless --steps says otherwise.</summary>
    public const int DefaultSteps = 50;

    /// <summary>The command with its options.</summary>
    public static Command Create(CliContext context)
    {
        var warmup = OptionKinds.Integer("--warmup", $"Untimed steps before measuring, for the JIT and caches (default {DefaultWarmup}).", 0);
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
            var results = new[] { Engine.Dynamic, Engine.Tape }
                .Select(e => (Name: Names.Of(e), Ms: Benchmark.MedianMilliseconds(e, w, n)))
                .ToArray();

            if (parsed.GetValue(json))
            {
                context.Out.WriteLine("[" + string.Join(", ", results.Select(r =>
                    $"{{\"engine\": \"{r.Name}\", \"ms_per_step\": {Math.Round(r.Ms, 4).ToString("R", CultureInfo.InvariantCulture)}}}")) + "]");
                return ExitCodes.Success;
            }

            var table = new Table()
                .Title($"moons step, median of {n} after {w} warm-up")
                .AddColumn("engine")
                .AddColumn(new TableColumn("ms per step").RightAligned())
                .AddColumn(new TableColumn("steps per second").RightAligned())
                .AddColumn(new TableColumn("vs dynamic").RightAligned());
            foreach (var (name, ms) in results)
                table.AddRow(name, Numbers.Fixed(ms, 3), Numbers.Fixed(1000 / ms, 0), $"{Numbers.Fixed(results[0].Ms / ms, 1)}x");
            Consoles.For(context).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
