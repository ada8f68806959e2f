using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Playground;

/// <summary>The settings as the page names them in its menus: words, not enum names. Each menu's option values
/// are the library's own words (<see cref="KindNames"/>), which the command line takes too.</summary>
public static class Words
{
    public static string Of(Activation a) => a switch
    {
        Activation.ReLU => "ReLU",
        Activation.Tanh => "tanh",
        Activation.Sigmoid => "sigmoid",
        _ => "linear (none)",
    };

    public static string Of(LossKind l) => l switch
    {
        LossKind.Hinge => "hinge (max-margin)",
        LossKind.MeanSquaredError => "mean squared error",
        LossKind.SumSquaredError => "sum of squared errors",
        _ => "cross-entropy",
    };

    public static string Of(OptimizerKind o) => o == OptimizerKind.Sgd ? "SGD" : "AdamW";

    public static string Of(EngineKind e) => e switch
    {
        EngineKind.Tensor => "tensor (one node per array)",
        EngineKind.Tape => "compiled tape of Values",
        _ => "dynamic graph of Values",
    };

    public static string Of(Precision p) => p == Precision.Float32 ? "float32" : "float64";
}
