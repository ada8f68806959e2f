using Micrograd.Data;

namespace Micrograd.Training;

/// <summary>What a finished run leaves: its settings and data, its history, a copy of the network, and how it
/// does on each split (the losses, and every example's outputs, already computed). Pictures, notes and model
/// files are made from this, not from a live <see cref="Trainer"/>. <c>StepsTaken</c> is fewer than
/// <see cref="TrainingConfig.Steps"/> when the run was stopped early.</summary>
public sealed record TrainedModel(
    TrainingConfig Config,
    DatasetSplits Data,
    Objective Objective,
    int BatchSize,
    int StepsTaken,
    IReadOnlyList<StepRecord> History,
    TrainedNetwork Network,
    TrainedModel.Split Train,
    TrainedModel.Split? Validation,
    TrainedModel.Split? Test)
{
    /// <summary>One split's evaluation after training, and each of its examples' outputs.</summary>
    public sealed record Split(Dataset Data, Evaluation Evaluation, double[][] Outputs);

    /// <summary>The network's outputs for other rows (a plot's grid, say), in its precision.</summary>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs) => Network.Predict(inputs);
}
