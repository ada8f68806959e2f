using Micrograd.Compile;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;

namespace Micrograd.Training;

/// <summary>The step's graph recorded once from the dynamic step's code (Model.Forward, Objective.Loss), then
/// replayed at every step.</summary>
internal sealed class TapeStep
{
    private readonly Tape _tape;
    private readonly Objective _objective;
    private readonly Dataset _batch;
    private readonly double[][] _outputs; // the watched outputs, copied out for the accuracy

    public TapeStep(MLP model, Objective objective, Dataset batch)
    {
        _objective = objective;
        _batch = batch;
        _outputs = new double[batch.Count][];
        for (int i = 0; i < _outputs.Length; i++) _outputs[i] = new double[model.OutputCount];
        var inputs = batch.Inputs.Select(Neuron.Leaves).ToArray();
        var outputs = inputs.Select(model.Forward).ToArray();
        var loss = objective.Loss(outputs, batch.Targets, model.Parameters());
        _tape = Tape.Compile(loss, [.. inputs.SelectMany(x => x)], model.Parameters(), [.. outputs.SelectMany(o => o)]);
    }

    public int NodeCount => _tape.NodeCount;

    public StepRecord Run(Optimizer optimizer, int step, Evaluation? validation)
    {
        // The lecture's loop, on the tape: forward, zero the gradients, backward, update.
        _tape.Forward();
        optimizer.ZeroGrad();
        _tape.Backward();
        optimizer.Step();

        int k = 0;
        foreach (var row in _outputs)
            for (int j = 0; j < row.Length; j++) row[j] = _tape.Watched(k++);
        return new StepRecord(step, _tape.Output, _objective.Accuracy(_outputs, _batch.Targets), validation?.Loss, validation?.Accuracy);
    }
}
