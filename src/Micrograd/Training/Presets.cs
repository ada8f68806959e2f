using Micrograd.Nn;

namespace Micrograd.Training;

/// <summary>The runs this project reproduces, defined once for the tests, the examples and the command line.</summary>
public static class Presets
{
    /// <summary>The lecture's example, on its four examples; the loss falls below 0.01.</summary>
    public static TrainingConfig Lecture { get; } = new()
    {
        Name = "lecture",
        Dataset = "tiny",
        Layers = [4, 4, 1],
        Activation = Activation.Tanh,
        OutputActivation = Activation.Tanh,
        Loss = LossKind.SumSquaredError,
        Optimizer = OptimizerKind.Sgd,
        LearningRate = 0.05,
        Steps = 100,
        Seed = Data.Rng.DefaultSeed,
    };

    /// <summary>micrograd's demo, on 100 moons with noise 0.1: learning rate 1.0 - 0.9·k/100 at step k, full
    /// batch; it reaches 100% training accuracy.</summary>
    public static TrainingConfig Moons { get; } = new()
    {
        Name = "moons",
        Dataset = "moons",
        Layers = [16, 16, 1],
        Activation = Activation.ReLU,
        OutputActivation = Activation.Linear,
        Loss = LossKind.Hinge,
        L2 = 1e-4,
        Optimizer = OptimizerKind.Sgd,
        LearningRate = 1.0,
        DecayLearningRate = true,
        Steps = 100,
        Seed = Data.Rng.DefaultSeed,
    };

    /// <summary>LLM101n's micrograd, on 100 yin-yang points split 80/10/10, full batch.</summary>
    public static TrainingConfig YinYang { get; } = new()
    {
        Name = "yinyang",
        Dataset = "yinyang",
        Layers = [8, 3],
        Activation = Activation.Tanh,
        OutputActivation = Activation.Linear,
        Init = Init.Scaled,
        Loss = LossKind.CrossEntropy,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 0.1,
        Beta1 = 0.9,
        Beta2 = 0.95,
        Eps = 1e-8,
        WeightDecay = 1e-4,
        Steps = 100,
        ValidationEvery = 10,
        Seed = 42,
    };

    /// <summary>scikit-learn's handwritten digits (8 × 8 pixels of 0..16, split 1,257 / 270 / 270), on the tensor
    /// engine: MLP(64, [128, 10]) ReLU with scaled init, cross-entropy, AdamW (lr 0.003 decaying linearly to
    /// 0.0003, weight decay 1e-4) on batches of 64, 500 steps; about 98% validation accuracy.</summary>
    public static TrainingConfig Digits { get; } = new()
    {
        Name = "digits",
        Dataset = "digits",
        Layers = [128, 10],
        Activation = Activation.ReLU,
        OutputActivation = Activation.Linear,
        Init = Init.Scaled,
        Loss = LossKind.CrossEntropy,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 0.003,
        DecayLearningRate = true,
        WeightDecay = 1e-4,
        BatchSize = 64,
        Steps = 500,
        ValidationEvery = 50,
        Engine = EngineKind.Tensor,
        Seed = Data.Rng.DefaultSeed,
    };

    /// <summary>Every preset, in the order help texts list them; declared after the presets, which it reads.</summary>
    public static IReadOnlyList<TrainingConfig> All { get; } = [Lecture, Moons, YinYang, Digits];

    /// <summary>The presets' names, from <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <exception cref="ArgumentException">For an unknown name, listing the known ones.</exception>
    public static TrainingConfig ByName(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Expected a preset: {string.Join(", ", Names)}; got '{name}'.", nameof(name));
}
