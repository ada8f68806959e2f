using System.Globalization;
using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Playground.Training;

/// <summary>What the training view's settings panel edits; <see cref="ToConfig"/> turns it into the library's
/// <see cref="TrainingConfig"/>.</summary>
public sealed record TrainingSettings
{
    /// <summary>The hidden layers' sizes, comma-separated ("16,16"); the output layer is added to fit the loss.</summary>
    public string HiddenLayers { get; init; } = "16,16";

    public Activation Activation { get; init; } = Activation.ReLU;

    public LossKind Loss { get; init; } = LossKind.Hinge;

    /// <summary>α in the loss's added α·Σp² (0 for none).</summary>
    public double L2 { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public double LearningRate { get; init; } = 1.0;

    /// <summary>Examples per step; 0 for the whole set (full batch).</summary>
    public int BatchSize { get; init; }

    /// <summary>The tensor engine unless told otherwise: in the browser no slower than the tape today, and far faster
    /// once the library's matrix product avoids MultiplyAddEstimate there (docs/playground.md, Speed).</summary>
    public EngineKind Engine { get; init; } = EngineKind.Tensor;

    /// <summary>The tensor engine's number type: float64 as the library's presets, no slower than float32 in the
    /// browser for networks this small (docs/playground.md, Speed). The scalar engines always compute in float64.</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary><see cref="Precision"/> on the tensor engine, float64 on the others.</summary>
    public Precision EffectivePrecision => Engine == EngineKind.Tensor ? Precision : Precision.Float64;

    /// <summary>The engines the panel offers, the default first.</summary>
    public static IReadOnlyList<EngineKind> Engines { get; } = [EngineKind.Tensor, EngineKind.Tape, EngineKind.Dynamic];

    /// <summary>The run's length: Run stops here, and a decaying learning rate reaches a tenth here.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>The seed of the weights (and of the dataset when it is drawn anew).</summary>
    public ulong Seed { get; init; } = Micrograd.Data.Rng.DefaultSeed;

    /// <summary>The moons preset of the library (<see cref="Presets.Moons"/>), on the tensor engine.</summary>
    public static TrainingSettings Moons { get; } = FromPreset(Presets.Moons);

    /// <summary>The settings a dataset starts with: yin-yang its preset's (<see cref="Presets.YinYang"/>);
    /// the two-class sets moons', with more steps for the spiral.</summary>
    public static TrainingSettings For(string dataset) => dataset switch
    {
        "yinyang" => FromPreset(Presets.YinYang),
        "spiral" => Moons with { Steps = 300 },
        _ => Moons,
    };

    /// <summary>The library's configuration for <paramref name="classCount"/> classes.</summary>
    /// <exception cref="ArgumentException">For layer sizes that are not whole numbers, or settings the
    /// library refuses (its message says which).</exception>
    public TrainingConfig ToConfig(int classCount)
    {
        var hidden = ParseLayers(HiddenLayers);
        // What the panel does not show (learning-rate decay, initialisation, AdamW's betas and weight decay)
        // comes from the preset that uses the same optimizer.
        var preset = Optimizer == OptimizerKind.Sgd ? Presets.Moons : Presets.YinYang;
        var config = preset with
        {
            Name = "playground",
            Layers = [.. hidden, Loss == LossKind.CrossEntropy ? classCount : 1],
            Activation = Activation,
            Loss = Loss,
            L2 = L2,
            Optimizer = Optimizer,
            LearningRate = LearningRate,
            BatchSize = BatchSize > 0 ? BatchSize : null,
            Engine = Engine,
            Precision = EffectivePrecision,
            Steps = Steps,
            Seed = Seed,
            ValidationEvery = ValidationEvery,
        };
        config.Validate();
        return config;
    }

    /// <summary>How often the validation points are evaluated during a run (the curves' validation marks).</summary>
    public const int ValidationEvery = 10;

    /// <summary>"16, 16" as [16, 16]; empty for no hidden layer.</summary>
    public static int[] ParseLayers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : throw new ArgumentException($"Expected hidden layer sizes as whole numbers separated by commas, such as 16,16; got '{s}'."))
            .ToArray();

    private static TrainingSettings FromPreset(TrainingConfig p) => new()
    {
        HiddenLayers = string.Join(",", p.Layers.Take(p.Layers.Count - 1)),
        Activation = p.Activation,
        Loss = p.Loss,
        L2 = p.L2,
        Optimizer = p.Optimizer,
        LearningRate = p.LearningRate,
        Steps = p.Steps,
        Seed = p.Seed,
    };
}
