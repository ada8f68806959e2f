using Micrograd.Cli.Text;
using Spectre.Console;

namespace Micrograd.Cli.Makemore;

/// <summary>Where makemore's lines go: straight to standard output, or, on a terminal, above a live progress
/// line that shows the step, the loss, the best test loss and the step time.</summary>
internal abstract class MakemoreOutput
{
    public abstract void Line(string text);

    /// <summary>Redraws the live line, if there is one.</summary>
    public virtual void Progress(int step, double loss, double? bestTestLoss, double stepMs) { }

    /// <summary>Runs <paramref name="body"/> with plain lines, or with a live progress line when
    /// <paramref name="live"/>; <paramref name="maxSteps"/> is -1 for a run with no end.</summary>
    public static void Run(CliContext context, bool live, string name, int maxSteps, Action<MakemoreOutput> body)
    {
        if (!live)
        {
            body(new Plain(context.Out));
            return;
        }
        var console = Consoles.For(context);
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape($"{name}  starting"), maxValue: Math.Max(maxSteps, 1));
                task.IsIndeterminate = maxSteps < 0;
                body(new Live(console, task, name, maxSteps));
                task.StopTask();
            });
    }

    private sealed class Plain(TextWriter writer) : MakemoreOutput
    {
        public override void Line(string text) => writer.WriteLine(text);
    }

    private sealed class Live(IAnsiConsole console, ProgressTask task, string name, int maxSteps) : MakemoreOutput
    {
        public override void Line(string text) => console.WriteLine(text);

        public override void Progress(int step, double loss, double? bestTestLoss, double stepMs)
        {
            string of = maxSteps < 0 ? "" : $"/{maxSteps}";
            string best = bestTestLoss is { } b ? $"  best test loss {Numbers.Fixed(b, 4)}" : "";
            task.Description = Markup.Escape($"{name}  step {step + 1}{of}  loss {Numbers.Fixed(loss, 4)}{best}  {Numbers.Fixed(stepMs, 1)} ms/step");
            if (maxSteps >= 0) task.Value = step + 1;
        }
    }
}
