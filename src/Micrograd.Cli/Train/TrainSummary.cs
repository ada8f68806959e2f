using Micrograd.Cli.Text;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>The few lines <c>train</c> prints when it is done.</summary>
internal static class TrainSummary
{
    public static void Write(TextWriter w, TrainResults results)
    {
        var trainer = results.Model;
        w.WriteLine($"trained {results.Name}: {trainer.Network.Description}, {Describe(trainer)}");
        w.WriteLine($"  settings not given came from {results.DefaultsFrom}");
        w.WriteLine($"  {"engine",-11} {Engine(trainer.Config)}: {results.EngineWhy}");
        Line(w, "train", results.Train, trainer.Data.Train.Count);
        if (results.Validation is { } v) Line(w, "validation", v, trainer.Data.Validation.Count);
        if (results.Test is { } t) Line(w, "test", t, trainer.Data.Test.Count);
        int steps = results.History.Count;
        double ms = steps > 0 ? results.Elapsed.TotalMilliseconds / steps : 0;
        w.WriteLine($"  {"time",-11} {Numbers.Fixed(results.Elapsed.TotalSeconds, 2)} s ({(ms < 1000 ? Numbers.Short(ms, 3) : Numbers.Fixed(ms, 0))} ms per step)");
    }

    /// <summary>"hinge loss + 0.0001·Σp², sgd lr 1 decaying to 0.1, 100 steps, full batch, seed 1337", in the
    /// words of the options.</summary>
    private static string Describe(TrainedModel trainer)
    {
        var c = trainer.Config;
        int examples = trainer.Data.Train.Count;
        string loss = KindNames.Losses.Of(c.Loss) + " loss" + (c.L2 > 0 ? $" + {Numbers.Short(c.L2)}·Σp²" : "");
        string lr = c.DecayLearningRate ? $"lr {Numbers.Short(c.LearningRate)} decaying to {Numbers.Short(c.LearningRate * 0.1)}" : $"lr {Numbers.Short(c.LearningRate)}";
        string batch = trainer.BatchSize < examples ? $"batches of {trainer.BatchSize}"
            : c.BatchSize > examples ? $"full batch (a batch size of {c.BatchSize} is more than the {examples} examples)"
            : "full batch";
        return $"{loss}, {KindNames.Optimizers.Of(c.Optimizer)} {lr}, {c.Steps} steps, {batch}, seed {c.Seed}";
    }

    /// <summary>"dynamic", or "tensor (float32)".</summary>
    private static string Engine(TrainingConfig c) =>
        c.Engine == EngineKind.Tensor ? $"tensor ({KindNames.Precisions.Of(c.Precision)})" : KindNames.Engines.Of(c.Engine);

    private static void Line(TextWriter w, string name, Evaluation e, int count)
    {
        string accuracy = e.Accuracy is { } a ? $"  accuracy {Numbers.Percent(a),6}" : "";
        w.WriteLine($"  {name,-11} loss {Numbers.Fixed(e.Loss, 4)}{accuracy}  ({count} examples)");
    }
}
