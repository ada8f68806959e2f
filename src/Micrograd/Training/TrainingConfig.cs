using Micrograd.Nn;

namespace Micrograd.Training;

/// <summary>
/// Everything that defines a training run. A run draws all its randomness from one
/// <see cref="Data.Rng"/> seeded with <see cref="Seed"/>, in this order: the dataset, the weights (in
/// parameter order), then the minibatches; so the same configuration trains the same way on every machine.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>A name for reports: the preset's, or "custom".</summary>
    public string Name { get; init; } = "custom";

    /// <summary>A built-in dataset ("tiny", "moons", "yinyang") or the path of a CSV file.</summary>
    public string Dataset { get; init; } = "moons";

    /// <summary>For a CSV dataset: the column holding the target.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>The size of each layer; the last is the number of outputs.</summary>
    public IReadOnlyList<int> Layers { get; init; } = [16, 16, 1];

    /// <summary>The hidden layers' nonlinearity.</summary>
    public Activation Activation { get; init; } = Activation.ReLU;

    /// <summary>The last layer's nonlinearity.</summary>
    public Activation OutputActivation { get; init; } = Activation.Linear;

    /// <summary>How the weights are drawn.</summary>
    public Init Init { get; init; } = Init.Uniform;

    /// <summary>The loss to minimise.</summary>
    public LossKind Loss { get; init; } = LossKind.Hinge;

    /// <summary>The L2 regularisation strength α added to the loss as α·Σp² (0 for none).</summary>
    public double L2 { get; init; }

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>The (initial) learning rate.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>When true, the learning rate of step k is LearningRate·(1 - 0.9·k / Steps): a linear decay
    /// to a tenth, as in micrograd's moons demo.</summary>
    public bool DecayLearningRate { get; init; }

    /// <summary>SGD's momentum μ.</summary>
    public double Momentum { get; init; }

    /// <summary>The optimizer's weight decay λ (SGD: added to the gradient; AdamW: decoupled).</summary>
    public double WeightDecay { get; init; }

    /// <summary>AdamW's β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW's β2.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>AdamW's ε.</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>The number of optimizer steps.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Examples per step, drawn without replacement; null for the whole training set.</summary>
    public int? BatchSize { get; init; }

    /// <summary>The seed of the run's <see cref="Data.Rng"/>.</summary>
    public ulong Seed { get; init; } = Data.Rng.DefaultSeed;

    /// <summary>Evaluate the validation split every this many steps (0 for never).</summary>
    public int ValidationEvery { get; init; } = 10;

    /// <summary>How gradients are computed.</summary>
    public EngineKind Engine { get; init; } = EngineKind.Dynamic;

    /// <summary>Checks the settings that do not depend on the data.</summary>
    /// <exception cref="ArgumentException">Naming the first bad setting, what was expected and what came.</exception>
    public void Validate()
    {
        if (Layers is null || Layers.Count == 0) throw new ArgumentException("Expected at least one layer size, got none.", nameof(Layers));
        for (int i = 0; i < Layers.Count; i++)
            if (Layers[i] <= 0) throw new ArgumentException($"Expected every layer size to be at least 1, got {Layers[i]} for layer {i + 1}.", nameof(Layers));
        if (Steps < 0) throw new ArgumentException($"Expected 0 or more steps, got {Steps}.", nameof(Steps));
        if (BatchSize is <= 0) throw new ArgumentException($"Expected a batch size of at least 1, got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"Expected a positive learning rate, got {LearningRate}.", nameof(LearningRate));
        if (!(L2 >= 0) || !double.IsFinite(L2)) throw new ArgumentException($"Expected an L2 strength of 0 or more, got {L2}.", nameof(L2));
        if (ValidationEvery < 0) throw new ArgumentException($"Expected ValidationEvery of 0 or more, got {ValidationEvery}.", nameof(ValidationEvery));
        if (Seed == 0) throw new ArgumentException("Expected a non-zero seed (xorshift never leaves a zero state).", nameof(Seed));
    }
}
