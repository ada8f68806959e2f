namespace Micrograd.Training;

/// <summary>Which loss a run minimises (see <see cref="Losses"/>).</summary>
public enum LossKind
{
    SumSquaredError,
    MeanSquaredError,
    /// <summary>micrograd's moons demo: labels -1 or +1, one output.</summary>
    Hinge,
    /// <summary>Softmax cross-entropy; targets are class indices 0, 1, ...</summary>
    CrossEntropy,
}

public enum OptimizerKind
{
    Sgd,
    AdamW,
}

/// <summary>How a training step computes its gradients.</summary>
public enum EngineKind
{
    /// <summary>Build the graph of Values afresh at every step and call Backward on it.</summary>
    Dynamic,
    /// <summary>Record the graph once and replay it as a compiled tape (full batch only).</summary>
    Tape,
}

/// <summary>The largest run an engine takes on, checked before anything is built.</summary>
/// <param name="Parameters">The most parameters a network may have.</param>
/// <param name="ParametersTimesExamples">The most parameters × examples in one pass over a split: the scalar
/// engines build about two 64-byte Values per weight per example (2,000,000: a graph of about 256 MB).</param>
public readonly record struct EngineLimits(long Parameters, long ParametersTimesExamples)
{
    private static readonly EngineLimits Scalar = new(1_000_000, 2_000_000);

    public static EngineLimits Of(EngineKind engine) => engine switch
    {
        EngineKind.Dynamic or EngineKind.Tape => Scalar,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Expected a defined engine."),
    };
}
