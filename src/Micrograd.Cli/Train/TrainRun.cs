using System.Text;
using Micrograd.Cli.Plots;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// One <c>micrograd train</c> run: plan, train, then render every output in memory and only then write the
/// files, each atomically, so that a failed run leaves whatever the user had untouched.
/// </summary>
internal static class TrainRun
{
    /// <summary>The decision-boundary plot's file name inside the output folder.</summary>
    public const string BoundaryFile = "decision-boundary.png";

    /// <summary>The loss curve's file name inside the output folder.</summary>
    public const string LossFile = "loss.png";

    /// <summary>The model's file name inside the output folder.</summary>
    public const string ModelFileName = "model.json";

    /// <summary>Runs the request; returns the exit code. Bad input throws (see <see cref="ErrorReport"/>).</summary>
    public static int Execute(CliContext context, TrainRequest request, string? outDir, string? logPath, bool quiet)
    {
        var plan = TrainPlan.From(request);
        string folder = outDir ?? Path.Combine("out", plan.Name);
        CheckTargets(folder, logPath);

        var trainer = new Trainer(plan.Config, plan.Data); // validates the settings against the data
        var (history, elapsed) = LiveTraining.Run(trainer, context, live: context.Interactive && !quiet);

        var data = trainer.Data;
        var kind = OutputMeaning.For(plan.Config.Loss, data.Train);
        var final = new Finals(
            trainer.Evaluate(data.Train),
            data.Validation.Count > 0 ? trainer.Evaluate(data.Validation) : null,
            data.Test.Count > 0 ? trainer.Evaluate(data.Test) : null);

        // Everything is rendered before anything is written.
        var files = new List<(string Path, byte[] Bytes)>();
        var notes = new List<string>();
        string title = $"{plan.Name}: {ModelFile.Shape(trainer.Model)}, {history.Count} steps";
        if (trainer.Model.InputCount == 2)
            files.Add((Path.Combine(folder, BoundaryFile), DecisionBoundary.Render(trainer.Model, data, kind, DecisionTitle(title, kind, final.Train))));
        else
            notes.Add($"note: no decision-boundary plot: the data has {trainer.Model.InputCount} input{(trainer.Model.InputCount == 1 ? "" : "s")}, and the plot needs exactly 2.");
        files.Add((Path.Combine(folder, LossFile), LossCurve.Render(history, $"{plan.Name}: training curve of {ModelFile.Shape(trainer.Model)}")));
        var modelNotes = ModelNotes.For(plan.Config, trainer, kind, final.Train);
        files.Add((Path.Combine(folder, ModelFileName), Encoding.UTF8.GetBytes(ModelFile.ToJson(trainer.Model, modelNotes))));
        if (logPath is not null) files.Add((logPath, Encoding.UTF8.GetBytes(StepLog.Write(history))));

        foreach (var (path, bytes) in files)
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            AtomicFile.Write(path, s => s.Write(bytes));
        }

        if (history.FirstOrDefault(r => !double.IsFinite(r.TrainLoss)) is { } bad && !double.IsFinite(bad.TrainLoss))
            context.Err.WriteLine($"warning: the training loss became {Text.Numbers.RoundTrip(bad.TrainLoss)} at step {bad.Step}; the learning rate ({Text.Numbers.RoundTrip(plan.Config.LearningRate)}) is probably too large for this data.");

        if (!quiet)
        {
            TrainSummary.Write(context.Out, plan, trainer, final, history.Count, elapsed);
            foreach (var note in notes) context.Out.WriteLine(note);
            foreach (var (path, _) in files) context.Out.WriteLine($"wrote {path}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The losses and accuracies after training.</summary>
    internal sealed record Finals(Evaluation Train, Evaluation? Validation, Evaluation? Test);

    private static string DecisionTitle(string title, OutputKind kind, Evaluation train) =>
        kind == OutputKind.Value ? $"{title}, shaded by the predicted value"
        : train.Accuracy is { } a ? $"{title}, training accuracy {Text.Numbers.Percent(a)}"
        : title;

    // Fail before training, not after, when an output cannot possibly be written.
    private static void CheckTargets(string folder, string? logPath)
    {
        if (File.Exists(folder)) throw new CliException($"--out: expected a folder, got '{folder}', which is a file.");
        if (logPath is not null && Directory.Exists(logPath)) throw new CliException($"--log: expected a file name, got '{logPath}', which is a folder.");
    }
}
