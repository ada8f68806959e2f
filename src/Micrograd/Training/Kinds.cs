namespace Micrograd.Training;

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

public enum EngineKind
{
    /// <summary>A new graph of Values at every step.</summary>
    Dynamic,
    /// <summary>Record the graph once and replay it as a compiled tape (full batch only).</summary>
    Tape,
    /// <summary>One node per array operation for the whole batch (<see cref="Tensors.Tensor{T}"/>).</summary>
    Tensor,
}

/// <summary>Of the tensor engine; the scalar engines always use float64.</summary>
public enum Precision
{
    Float64,
    /// <summary>Half the memory and about twice the speed; about 7 significant digits.</summary>
    Float32,
}

/// <summary>Which class a model file's network came from, and is best run as.</summary>
public enum NetworkKind
{
    MLP,
    TensorMLP,
}

/// <summary>The largest run an engine takes on, checked before anything is built.</summary>
/// <param name="Parameters">1,000,000, the most a model file holds.</param>
/// <param name="ParametersTimesExamples">In one pass over a split. The scalar engines build about two 64-byte
/// Values per weight per example (2,000,000: about 256 MB); unbounded for the tensor engine.</param>
/// <param name="UnitsTimesExamples">Units are inputs plus neurons; per step of the tensor engine, which holds
/// about 6 numbers per unit per example (10,000,000: about 480 MB in float64) and evaluates in chunks of that
/// size. Unbounded for the scalar engines, which the bound on parameters × examples already limits.</param>
public readonly record struct EngineLimits(long Parameters, long ParametersTimesExamples, long UnitsTimesExamples)
{
    public static EngineLimits Of(EngineKind engine) => Engines.EngineTable.Limits(engine);
}
