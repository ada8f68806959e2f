using System.Diagnostics;
using Micrograd.Cli.Text;
using Micrograd.Training;
using Spectre.Console;

namespace Micrograd.Cli.Train;

/// <summary>Runs a <see cref="Trainer"/> to the end, with a live progress bar on a terminal.</summary>
internal static class LiveTraining
{
    /// <summary>Takes every step, or stops between two at Ctrl+C (<see cref="CliContext.Interrupts"/>) or at a
    /// loss that is NaN or infinite (<see cref="Divergence"/>: no later step can mend it); with
    /// <paramref name="live"/>, redraws a progress line showing the step, the loss and the accuracy as it goes.</summary>
    public static (IReadOnlyList<StepRecord> History, TimeSpan Elapsed) Run(Trainer trainer, CliContext context, bool live)
    {
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Interrupts.Token);
        void OnStep(StepRecord record)
        {
            context.AfterStep?.Invoke(record);
            if (Divergence.Diverged(record)) stop.Cancel();
        }
        var history = live ? RunWithProgress(trainer, context, OnStep, stop.Token) : trainer.Run(OnStep, stop.Token);
        return (history, clock.Elapsed);
    }

    private static IReadOnlyList<StepRecord> RunWithProgress(Trainer trainer, CliContext context, Action<StepRecord> onStep, CancellationToken stop)
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
                    onStep(record);
                }, stop);
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

/// <summary>Training was stopped with Ctrl+C, and nothing was written.</summary>
internal sealed class TrainingInterruptedException(int stepsTaken, int steps)
    : Exception(stepsTaken == 0
        ? "interrupted (Ctrl+C) before the first step; nothing was written."
        : $"interrupted (Ctrl+C) after {stepsTaken} of {steps} steps; nothing was written (--save-on-interrupt keeps the model trained so far).");
