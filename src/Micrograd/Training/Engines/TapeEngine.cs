using Micrograd.Compile;
using Micrograd.Nn;

namespace Micrograd.Training.Engines;

/// <summary>The step's graph recorded once from the dynamic step's code (Model.Forward, Objective.Loss), then
/// replayed at every step: full batch only.</summary>
internal sealed class TapeEngine : ScalarEngine
{
    private readonly Tape _tape;
    private readonly double[][] _outputs; // the watched outputs, copied out for the accuracy

    /// <exception cref="ArgumentException">For a minibatch: a tape replays one recorded graph.</exception>
    public TapeEngine(EngineSetup setup) : base(setup)
    {
        var train = setup.Data.Train;
        if (!setup.FullBatch)
            throw new ArgumentException(
                $"Expected the full batch ({train.Count} examples) with the tape engine, got a batch size of {setup.BatchSize}: " +
                "a tape replays one recorded graph, and a minibatch changes the graph's constants. Use the dynamic or tensor engine for minibatches.");
        _outputs = new double[train.Count][];
        for (int i = 0; i < _outputs.Length; i++) _outputs[i] = new double[Model.OutputCount];
        var inputs = train.Inputs.Select(Neuron.Leaves).ToArray();
        var outputs = inputs.Select(Model.Forward).ToArray();
        var loss = setup.Objective.Loss(outputs, train.Targets, Model.Parameters());
        _tape = Tape.Compile(loss, [.. inputs.SelectMany(x => x)], Model.Parameters(), [.. outputs.SelectMany(o => o)]);
    }

    public override StepRecord Step(int step, int[]? batch, Evaluation? validation)
    {
        // The lecture's loop, on the tape: forward, zero the gradients, backward, update.
        _tape.Forward();
        Optimizer.ZeroGrad();
        _tape.Backward();
        Optimizer.Step();

        int k = 0;
        foreach (var row in _outputs)
            for (int j = 0; j < row.Length; j++) row[j] = _tape.Watched(k++);
        return new StepRecord(step, _tape.Output, Setup.Objective.Accuracy(_outputs, Setup.Data.Train.Targets), validation?.Loss, validation?.Accuracy);
    }
}
