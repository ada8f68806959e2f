using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// One <c>micrograd train</c> run, top to bottom: parse, load, train, evaluate, render, write. Nothing is
/// written before every output is rendered, and then all of them or none.
/// </summary>
internal static class TrainRun
{
    /// <summary>Runs the request; returns the exit code. Bad input throws (see <see cref="ErrorReport"/>).</summary>
    public static int Execute(CliContext context, TrainRequest request)
    {
        // From here on the first Ctrl+C stops the run between two steps, with a word on what it kept.
        using var listening = context.Interrupts.Listen();

        // parse: what to train, and where the outputs go
        var plan = TrainPlan.From(request);
        var outputs = TrainOutputs.Check(request.Out ?? Path.Combine("out", plan.Name), request.Log, plan.InputFiles());

        // load: one generator draws the data, then the weights, then the batches
        var rng = new Rng(plan.Seed);
        var data = LoadData(plan, rng);
        var (config, defaultsFrom, engineWhy) = plan.Settings(data);
        if (context.Interrupts.Raised) throw new TrainingInterruptedException(0, config.Steps);

        // train
        var trainer = new Trainer(config, data, rng);
        var (history, elapsed) = LiveTraining.Run(trainer, context, live: context.Interactive && !request.Quiet);
        StopIfInterrupted(context, request, history.Count, config.Steps);

        // evaluate: the trained model, every split's outputs computed; nothing below reads the trainer
        var model = trainer.Result(history);
        Divergence.Check(model);
        var results = new TrainResults(plan.Name, defaultsFrom, engineWhy, model, elapsed, ClassifiedSplit.Of(model));

        // render
        var (files, notes) = TrainRender.Render(results, outputs);

        // write: a Ctrl+C while evaluating or drawing stops the run too; one while writing lets it finish
        StopIfInterrupted(context, request, history.Count, config.Steps);
        bool interrupted = context.Interrupts.Raised;
        TrainOutputs.Write(files);

        if (!request.Quiet)
        {
            TrainSummary.Write(context.Out, results);
            foreach (var note in notes) context.Out.WriteLine(note);
            foreach (var (path, _) in files) context.Out.WriteLine($"wrote {path}");
        }
        if (interrupted)
        {
            context.Err.WriteLine($"note: interrupted (Ctrl+C) after {history.Count} of {config.Steps} steps; the outputs hold the model trained so far (--save-on-interrupt).");
            return ExitCodes.Interrupted;
        }
        if (context.Interrupts.Raised)
        {
            context.Err.WriteLine("note: Ctrl+C came while the outputs were being written; they were written whole.");
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Success;
    }

    // Without --save-on-interrupt, or before the first step, a Ctrl+C ends the run here with nothing written.
    private static void StopIfInterrupted(CliContext context, TrainRequest request, int stepsTaken, int steps)
    {
        if (context.Interrupts.Raised && (!request.SaveOnInterrupt || stepsTaken == 0))
            throw new TrainingInterruptedException(stepsTaken, steps);
    }

    private static DatasetSplits LoadData(TrainPlan plan, Rng rng)
    {
        try
        {
            var data = Datasets.Load(plan.Dataset, plan.Label, rng);
            return Datasets.SourceOf(plan.Dataset) == DataSource.Csv ? HoldOut(data.Train, plan.Request.Validation ?? TrainPlan.DefaultValidation) : data;
        }
        catch (FileNotFoundException e) when (e.FileName == plan.Dataset)
        {
            throw new CliException($"--dataset: {ErrorReport.Decapitalize(e.Message)}", e);
        }
    }

    /// <summary>A CSV file's rows shuffled by <see cref="Datasets.SplitSeed"/> (whatever --seed says, so that
    /// validation numbers compare across runs), then <paramref name="fraction"/> of them (rounded down) for
    /// validation, as many for testing, and the rest for training, as the shipped datasets are split.</summary>
    public static DatasetSplits HoldOut(Dataset all, double fraction)
    {
        if (fraction == 0) return Datasets.TrainOnly(all);
        var shuffled = all.Shuffle(new Rng(Datasets.SplitSeed));
        int held = (int)(fraction * all.Count);
        int train = all.Count - 2 * held;
        return new DatasetSplits(shuffled.Slice(0, train), shuffled.Slice(train, held), shuffled.Slice(train + held, held));
    }
}

/// <summary>A finished run and how well it did: the losses and accuracies are measured after training;
/// <paramref name="Classes"/> is null for regression.</summary>
internal sealed record TrainResults(string Name, string DefaultsFrom, string EngineWhy, TrainedModel Model, TimeSpan Elapsed, ClassifiedSplit? Classes)
{
    public IReadOnlyList<StepRecord> History => Model.History;

    public Evaluation Train => Model.Train.Evaluation;

    public Evaluation? Validation => Model.Validation?.Evaluation;

    public Evaluation? Test => Model.Test?.Evaluation;
}
