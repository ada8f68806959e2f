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
    /// <summary>One array operation per layer for the whole batch (<see cref="Tensors.Tensor{T}"/>): the same
    /// chain rule, one node per array instead of one per number.</summary>
    Tensor,
}

/// <summary>The number type the tensor engine computes in (the scalar engines always use float64).</summary>
public enum Precision
{
    Float64,
    /// <summary>Half the memory and about twice the speed; about 7 significant digits.</summary>
    Float32,
}

/// <summary>The largest run an engine takes on, checked before anything is built.</summary>
/// <param name="Parameters">The most parameters a network may have: 1,000,000, the most a model file holds.</param>
/// <param name="ParametersTimesExamples">The most parameters × examples in one pass over a split: the scalar
/// engines build about two 64-byte Values per weight per example (2,000,000: a graph of about 256 MB).
/// <see cref="long.MaxValue"/> for the tensor engine, which builds no Values.</param>
/// <param name="UnitsTimesExamples">The most examples × units (inputs plus neurons) in one step of the tensor
/// engine: its arrays hold about 6 numbers per unit per example of the batch (10,000,000: about 480 MB in
/// float64), and it evaluates a split in chunks of that size. <see cref="long.MaxValue"/> for the scalar
/// engines, where the bound on parameters × examples is the tighter one (a network has at least as many
/// parameters as units).</param>
public readonly record struct EngineLimits(long Parameters, long ParametersTimesExamples, long UnitsTimesExamples)
{
    private static readonly EngineLimits Scalar = new(1_000_000, 2_000_000, long.MaxValue);
    private static readonly EngineLimits Tensors = new(1_000_000, long.MaxValue, 10_000_000);

    public static EngineLimits Of(EngineKind engine) => engine switch
    {
        EngineKind.Dynamic or EngineKind.Tape => Scalar,
        EngineKind.Tensor => Tensors,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Expected a defined engine."),
    };
}
