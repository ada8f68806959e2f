using System.Diagnostics;
using Micrograd.Cli.Text;
using Micrograd.Training;
using Spectre.Console;

namespace Micrograd.Cli.Train;

/// <summary>Runs a <see cref="Trainer"/> to the end, with a live progress bar on a terminal.</summary>
internal static class LiveTraining
{
    /// <summary>Takes every step; with <paramref name="live"/>, redraws a progress line showing the step,
    /// the loss and the accuracy as it goes.</summary>
    /// <remarks>Stops early at a loss that is NaN or infinite (<see cref="Divergence"/>): no step after it can mend it.</remarks>
    public static (IReadOnlyList<StepRecord> History, TimeSpan Elapsed) Run(Trainer trainer, CliContext context, bool live)
    {
        var clock = Stopwatch.StartNew();
        if (!live)
        {
            using var diverged = new CancellationTokenSource();
            var history = trainer.Run(record =>
            {
                if (Divergence.Diverged(record)) diverged.Cancel();
            }, diverged.Token);
            return (history, clock.Elapsed);
        }

        // Ctrl+C stops between steps instead of killing the process mid-redraw (which would leave the terminal's
        // cursor hidden); the run then ends without writing anything.
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var history = RunWithProgress(trainer, context, cancel);
            if (cancel.IsCancellationRequested && !(history.Count > 0 && Divergence.Diverged(history[^1])))
                throw new TrainingInterruptedException(history.Count, trainer.Config.Steps);
            return (history, clock.Elapsed);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static IReadOnlyList<StepRecord> RunWithProgress(Trainer trainer, CliContext context, CancellationTokenSource cancel)
    {
        int steps = trainer.Config.Steps;
        IReadOnlyList<StepRecord> history = [];
        Consoles.For(context).Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Describe(trainer.Config.Name, null, null, steps), maxValue: steps);
                StepRecord? validated = null;
                history = trainer.Run(record =>
                {
                    if (record.ValidationLoss is not null) validated = record;
                    task.Description = Describe(trainer.Config.Name, record, validated, steps);
                    task.Value = record.Step + 1;
                    if (Divergence.Diverged(record)) cancel.Cancel();
                }, cancel.Token);
                task.StopTask();
            });
        return history;
    }

    // One line: "moons  step  37/100  loss 0.3121  accuracy  91.0%  val loss ...", the validation numbers from the
    // last step that measured them. Fixed widths keep it from jumping.
    private static string Describe(string name, StepRecord? record, StepRecord? validated, int steps)
    {
        if (record is not { } r) return Markup.Escape($"{name}  starting");
        string width = steps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string line = $"{name}  step {(r.Step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width.Length)}/{width}  loss {Numbers.Fixed(r.TrainLoss, 4)}";
        if (r.TrainAccuracy is { } a) line += $"  accuracy {Numbers.Percent(a),6}";
        if (validated?.ValidationLoss is { } vl) line += $"  val loss {Numbers.Fixed(vl, 4)}";
        if (validated?.ValidationAccuracy is { } va) line += $"  val accuracy {Numbers.Percent(va),6}";
        return Markup.Escape(line);
    }
}

/// <summary>Training was stopped with Ctrl+C; nothing was written.</summary>
internal sealed class TrainingInterruptedException(int stepsTaken, int steps)
    : Exception($"interrupted after {stepsTaken} of {steps} steps; nothing was written");
