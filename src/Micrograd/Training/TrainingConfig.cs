using Micrograd.Nn;

namespace Micrograd.Training;

/// <summary>All of a run's randomness comes from one <see cref="Data.Rng"/> seeded with <see cref="Seed"/>, in
/// this order: the dataset, the weights, the minibatches.</summary>
public sealed record TrainingConfig
{
    public string Name { get; init; } = "custom";

    /// <summary>What <see cref="Data.Datasets.Load"/> takes: a built-in name or a file's path.</summary>
    public string Dataset { get; init; } = "moons";

    public string? LabelColumn { get; init; }

    public IReadOnlyList<int> Layers { get; init; } = [16, 16, 1];

    public Activation Activation { get; init; } = Activation.ReLU;

    public Activation OutputActivation { get; init; } = Activation.Linear;

    /// <summary>An activation per layer, such as Tanh then ReLU then Linear; null for <see cref="Activation"/>
    /// after every layer but the last and <see cref="OutputActivation"/> after the last.</summary>
    public IReadOnlyList<Activation>? Activations { get; init; }

    /// <summary>The activation after each of <see cref="Layers"/>.</summary>
    public IReadOnlyList<Activation> LayerActivations =>
        Activations ?? [.. Layers.Select((_, i) => i == Layers.Count - 1 ? OutputActivation : Activation)];

    /// <summary>Any network of modules to train (on the tensor engine), such as a model file's; null for the MLP
    /// of <see cref="Layers"/>. It takes each example's inputs as a row and gives a row of outputs.</summary>
    public Tensors.Nn.ModuleSpec? Network { get; init; }

    /// <summary>The numbers to start from, by state-dict name (a model file's); null to draw them from the
    /// Rng. They must fit <see cref="Network"/>, or the MLP of <see cref="Layers"/>.</summary>
    public IReadOnlyList<ModelParameter>? StartFrom { get; init; }

    public Init Init { get; init; } = Init.Uniform;

    public LossKind Loss { get; init; } = LossKind.Hinge;

    /// <summary>α in the loss's added α·Σp² (0 for none).</summary>
    public double L2 { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>When true, the learning rate of step k is LearningRate·(1 - 0.9·k / Steps): a linear decay
    /// to a tenth, as in micrograd's moons demo.</summary>
    public bool DecayLearningRate { get; init; }

    public double Momentum { get; init; }

    /// <summary>The optimizer's weight decay λ (SGD: added to the gradient; AdamW: decoupled).</summary>
    public double WeightDecay { get; init; }

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public double Eps { get; init; } = 1e-8;

    public int Steps { get; init; } = 100;

    /// <summary>Examples per step, drawn without replacement; null for the whole training set.</summary>
    public int? BatchSize { get; init; }

    public ulong Seed { get; init; } = Data.Rng.DefaultSeed;

    /// <summary>Evaluate the validation split every this many steps (0 for never).</summary>
    public int ValidationEvery { get; init; } = 10;

    public EngineKind Engine { get; init; } = EngineKind.Dynamic;

    /// <summary>The scalar engines always compute in float64.</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <exception cref="ArgumentException">Naming the first bad setting.</exception>
    public void Validate()
    {
        if (Layers is null || Layers.Count == 0) throw new ArgumentException("Expected at least one layer size, got none.", nameof(Layers));
        for (int i = 0; i < Layers.Count; i++)
            if (Layers[i] <= 0) throw new ArgumentException($"Expected every layer size to be at least 1, got {Layers[i]} for layer {i + 1}.", nameof(Layers));
        if (Activations is not null && Activations.Count != Layers.Count)
            throw new ArgumentException($"Expected one activation per layer ({Layers.Count}), got {Activations.Count}.", nameof(Activations));
        if (Network is not null && Engine != EngineKind.Tensor)
            throw new ArgumentException($"Expected the tensor engine for a {Network.Kind} network, got the {KindNames.Engines.Of(Engine)} engine: the scalar engines build MLPs of Values only.", nameof(Engine));
        if (Steps < 0) throw new ArgumentException($"Expected 0 or more steps, got {Steps}.", nameof(Steps));
        if (BatchSize is <= 0) throw new ArgumentException($"Expected a batch size of at least 1, got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"Expected a positive learning rate, got {LearningRate}.", nameof(LearningRate));
        if (!(L2 >= 0) || !double.IsFinite(L2)) throw new ArgumentException($"Expected an L2 strength of 0 or more, got {L2}.", nameof(L2));
        if (ValidationEvery < 0) throw new ArgumentException($"Expected ValidationEvery of 0 or more, got {ValidationEvery}.", nameof(ValidationEvery));
        if (Precision != Precision.Float64 && Engine != EngineKind.Tensor)
            throw new ArgumentException($"Expected float64 with the {KindNames.Engines.Of(Engine)} engine (Values hold doubles), got {KindNames.Precisions.Of(Precision)}: only the tensor engine computes in float32.", nameof(Precision));
        if (Seed == 0) throw new ArgumentException("Expected a non-zero seed (xorshift never leaves a zero state).", nameof(Seed));
    }
}
