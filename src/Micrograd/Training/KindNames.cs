using Micrograd.Nn;
using Micrograd.Training.Engines;

namespace Micrograd.Training;

/// <summary>The one word for each kind of setting, read and written by model files, the command line and its
/// reports alike; a new kind is one more entry.</summary>
public static class KindNames
{
    /// <summary>Kept with the activations: <see cref="Nn.Activations.Words"/>.</summary>
    public static NameTable<Activation> Activations => Nn.Activations.Words;

    public static NameTable<LossKind> Losses { get; } = new("a loss",
        (LossKind.SumSquaredError, "sse"), (LossKind.MeanSquaredError, "mse"), (LossKind.Hinge, "hinge"), (LossKind.CrossEntropy, "cross-entropy"));

    public static NameTable<OptimizerKind> Optimizers { get; } = new("an optimizer",
        (OptimizerKind.Sgd, "sgd"), (OptimizerKind.AdamW, "adamw"));

    /// <summary>Kept with the engines in their table.</summary>
    public static NameTable<EngineKind> Engines => EngineTable.Words;

    public static NameTable<Precision> Precisions { get; } = new("a precision",
        (Precision.Float64, "float64"), (Precision.Float32, "float32"));

    public static NameTable<NetworkKind> Networks { get; } = new("a network kind",
        (NetworkKind.MLP, "mlp"), (NetworkKind.TensorMLP, "tensor-mlp"));

    public static NameTable<OutputKind> Outputs { get; } = new("an output kind",
        (OutputKind.Sign, "sign"), (OutputKind.ArgMax, "argmax"), (OutputKind.Regression, "value"));
}
