using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>What the user asked of <c>micrograd train</c>: every setting is null unless given.</summary>
internal sealed record TrainRequest
{
    /// <summary>--preset: lecture, moons or yinyang.</summary>
    public string? Preset { get; init; }

    /// <summary>--dataset: a built-in name or a CSV path.</summary>
    public string? Dataset { get; init; }

    /// <summary>--label: the CSV column holding the target.</summary>
    public string? Label { get; init; }

    /// <summary>--layers.</summary>
    public IReadOnlyList<int>? Layers { get; init; }

    /// <summary>--activation (the hidden layers').</summary>
    public Activation? Activation { get; init; }

    /// <summary>--loss.</summary>
    public LossKind? Loss { get; init; }

    /// <summary>--optimizer.</summary>
    public OptimizerKind? Optimizer { get; init; }

    /// <summary>--lr.</summary>
    public double? LearningRate { get; init; }

    /// <summary>--steps.</summary>
    public int? Steps { get; init; }

    /// <summary>--batch-size.</summary>
    public int? BatchSize { get; init; }

    /// <summary>--seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>--engine.</summary>
    public Engine? Engine { get; init; }
}
