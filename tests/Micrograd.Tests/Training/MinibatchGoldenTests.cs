using Micrograd.Tests.Support;
using Micrograd.Training;
using Xunit.Abstractions;

namespace Micrograd.Tests.Training;

/// <summary>
/// Training with minibatches against the same runs in PyTorch (float64), whose batches the script draws from
/// its copy of the run's Rng as <see cref="Trainer"/> does (shuffle all indices, take the first BatchSize): the
/// loss and accuracy of every step's batch, the validation loss every 10 steps, the final parameters and the
/// final loss on the whole training split, to 1e-9 relative. A batch drawn in another order, of another size
/// or from another state of the generator changes the losses from the first step on.
/// Fixture: fixtures/minibatch_golden.json, written by tools/reference/minibatch_golden.py.
/// </summary>
public class MinibatchGoldenTests(ITestOutputHelper output)
{
    private sealed record MinibatchRun(string Name, string Preset, int BatchSize, int Steps, double[] TrainLoss, double[] TrainAccuracy,
        GoldenHistory.Point[] ValidationLoss, double[] FinalParameters, double FinalTrainLoss);

    private sealed record MinibatchFile(string Torch, MinibatchRun[] Runs);

    private static MinibatchFile File => Fixture.Load<MinibatchFile>("minibatch_golden.json");

    /// <summary>The engines that train with minibatches (the tape replays one full batch).</summary>
    private static readonly EngineKind[] Engines = [EngineKind.Dynamic, EngineKind.Tensor];

    public static TheoryData<EngineKind, string> Runs()
    {
        var data = new TheoryData<EngineKind, string>();
        foreach (var engine in Engines)
            foreach (var run in File.Runs) data.Add(engine, run.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Minibatch_training_matches_pytorch_step_by_step(EngineKind engine, string name)
    {
        var expected = File.Runs.Single(r => r.Name == name);
        var trainer = new Trainer(Presets.ByName(expected.Preset) with { BatchSize = expected.BatchSize, Steps = expected.Steps, Engine = engine });
        Assert.True(expected.BatchSize < trainer.Data.Train.Count, $"{name}: a batch of {expected.BatchSize} is the whole training split.");
        var history = trainer.Run();

        Assert.Equal(expected.Steps, history.Count);
        var stats = new ErrorStats();
        GoldenHistory.AssertMatches(history, expected.TrainLoss, expected.TrainAccuracy, expected.ValidationLoss, $"{name} ({engine})", stats);
        GoldenHistory.AssertParameters(expected.FinalParameters, trainer.Weights().ToArray(), $"{name} ({engine})", stats);
        Tolerance.AssertClose(expected.FinalTrainLoss, trainer.Evaluate(trainer.Data.Train).Loss, $"{name} ({engine}) final loss on the training split");
        output.WriteLine($"{name} ({engine}): {stats}");
    }
}
