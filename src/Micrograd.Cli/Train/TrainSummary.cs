using Micrograd.Cli.Text;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>The few lines <c>train</c> prints when it is done.</summary>
internal static class TrainSummary
{
    /// <summary>Writes what was trained, how well, and how long it took.</summary>
    public static void Write(TextWriter w, TrainPlan plan, Trainer trainer, TrainRun.Finals final, int steps, TimeSpan elapsed)
    {
        var c = plan.Config;
        w.WriteLine($"trained {plan.Name}: MLP {ModelFile.Shape(trainer.Model)}, {Describe(c)}");
        w.WriteLine($"  settings not given came from {plan.DefaultsFrom}");
        Line(w, "train", final.Train, trainer.Data.Train.Count);
        if (final.Validation is { } v) Line(w, "validation", v, trainer.Data.Validation.Count);
        if (final.Test is { } t) Line(w, "test", t, trainer.Data.Test.Count);
        double ms = steps > 0 ? elapsed.TotalMilliseconds / steps : 0;
        w.WriteLine($"  {"time",-11} {Numbers.Fixed(elapsed.TotalSeconds, 2)} s ({Numbers.Short(ms, 3)} ms per step)");
    }

    /// <summary>"hinge loss + 0.0001·Σp², SGD lr 1 decaying to 0.1, 100 steps, full batch, seed 1337, dynamic engine".</summary>
    public static string Describe(TrainingConfig c)
    {
        string loss = Names.Of(c.Loss) + " loss" + (c.L2 > 0 ? $" + {Numbers.Short(c.L2)}·Σp²" : "");
        string lr = c.DecayLearningRate ? $"lr {Numbers.Short(c.LearningRate)} decaying to {Numbers.Short(c.LearningRate * 0.1)}" : $"lr {Numbers.Short(c.LearningRate)}";
        string batch = c.BatchSize is { } b ? $"batches of {b}" : "full batch";
        string engine = c.Engine == Engine.Tape ? "tape" : "dynamic";
        return $"{loss}, {(c.Optimizer == OptimizerKind.AdamW ? "AdamW" : "SGD")} {lr}, {c.Steps} steps, {batch}, seed {c.Seed}, {engine} engine";
    }

    private static void Line(TextWriter w, string name, Evaluation e, int count)
    {
        string accuracy = e.Accuracy is { } a ? $"  accuracy {Numbers.Percent(a),6}" : "";
        w.WriteLine($"  {name,-11} loss {Numbers.Fixed(e.Loss, 4)}{accuracy}  ({count} examples)");
    }
}
