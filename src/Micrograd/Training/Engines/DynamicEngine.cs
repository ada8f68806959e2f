namespace Micrograd.Training.Engines;

/// <summary>A new graph of Values at every step, as in the lecture.</summary>
internal sealed class DynamicEngine(EngineSetup setup) : ScalarEngine(setup)
{
    public override StepRecord Step(int step, int[]? batch, Evaluation? validation)
    {
        var examples = batch is null ? Setup.Data.Train : Setup.Data.Train.Select(batch);

        // 1. forward: the network's outputs for every example in the batch, then the loss
        var outputs = examples.Inputs.Select(Model.Forward).ToArray();
        var loss = Setup.Objective.Loss(outputs, examples.Targets, Model.Parameters());

        // 2. zero the gradients, which would otherwise add up across steps
        Optimizer.ZeroGrad();

        // 3. backward: d(loss)/d(p) for every parameter p, by the chain rule
        loss.Backward();

        // 4. update: move every parameter a little against its gradient
        Optimizer.Step();

        var accuracy = Setup.Objective.Accuracy(Numbers(outputs), examples.Targets);
        return new StepRecord(step, loss.Data, accuracy, validation?.Loss, validation?.Accuracy);
    }
}
