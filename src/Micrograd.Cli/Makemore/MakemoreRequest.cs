using Micrograd.Language;
using Micrograd.Training;

namespace Micrograd.Cli.Makemore;

/// <summary>The flags of <c>micrograd makemore</c>, makemore.py's defaults filled in.</summary>
internal sealed record MakemoreRequest
{
    /// <summary>Null for the shipped names.txt.</summary>
    public string? InputFile { get; init; }
    public string WorkDir { get; init; } = Path.Combine("out", "names");
    public bool Resume { get; init; }
    public bool SampleOnly { get; init; }

    /// <summary>-1 for no end; as in makemore, step 0 always runs, so 0 takes one step.</summary>
    public int MaxSteps { get; init; } = -1;
    public ulong Seed { get; init; } = 3407;

    /// <summary>-1 for none.</summary>
    public int TopK { get; init; } = -1;
    public ModelType Type { get; init; } = ModelType.Transformer;
    public int NLayer { get; init; } = 4;
    public int NHead { get; init; } = 4;
    public int NEmbd { get; init; } = 64;
    public int NEmbd2 { get; init; } = 64;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 5e-4;
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Null for every processor.</summary>
    public int? Threads { get; init; }
    public Precision Precision { get; init; } = Precision.Float32;
}
