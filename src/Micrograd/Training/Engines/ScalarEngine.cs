using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;

namespace Micrograd.Training.Engines;

/// <summary>What the two scalar engines share: an <see cref="MLP"/> of Values, evaluated and run as a graph of
/// Values.</summary>
internal abstract class ScalarEngine : ITrainingEngine
{
    /// <remarks>The config has no <see cref="TrainingConfig.Network"/>: <see cref="TrainingConfig.Validate"/> keeps
    /// other networks to the tensor engine.</remarks>
    protected ScalarEngine(EngineSetup setup)
    {
        var c = setup.Config;
        Setup = setup;
        int inputs = setup.Data.Train.InputCount;
        Model = c.StartFrom is null
            ? new MLP(inputs, c.Layers, c.LayerActivations, c.Init, setup.Rng)
            : MlpWeights.Of((Tensors.Nn.TensorMLP<double>)setup.BuildNetwork<double>()).ToMLP(); // the same draws, then the numbers given
        Optimizer = setup.NewOptimizer(Model.Parameters());
    }

    protected EngineSetup Setup { get; }

    public MLP Model { get; }

    public Optimizer Optimizer { get; }

    public int OutputCount => Model.OutputCount;

    public abstract StepRecord Step(int step, int[]? batch, Evaluation? validation);

    public Evaluation Evaluate(Dataset data)
    {
        var outputs = data.Inputs.Select(Model.Forward).ToArray();
        var loss = Setup.Objective.Loss(outputs, data.Targets, Model.Parameters());
        return new Evaluation(loss.Data, Setup.Objective.Accuracy(Numbers(outputs), data.Targets));
    }

    /// <summary>As a float64 tensor MLP: equal to rounding, faster.</summary>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs) => Snapshot().Predict(inputs);

    public TrainedNetwork Snapshot() => TrainedNetwork.Of(MlpWeights.Of(Model));

    protected static double[][] Numbers(Value[][] outputs) => outputs.Select(o => o.Select(v => v.Data).ToArray()).ToArray();
}
