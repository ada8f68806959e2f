using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd;

/// <summary>
/// The three runs this project reproduces, defined once for the tests, the examples and the command line.
/// Each is a <see cref="TrainingConfig"/>; <see cref="Trainer"/> runs it.
/// </summary>
public static class Presets
{
    /// <summary>The names <see cref="ByName"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lecture", "moons", "yinyang"];

    /// <summary>
    /// The lecture's example: MLP(3, [4, 4, 1]) with tanh everywhere on the tiny set of four examples, the sum
    /// of squared errors, plain gradient descent with learning rate 0.05 for 100 steps. The loss falls
    /// below 0.01.
    /// </summary>
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

    /// <summary>
    /// micrograd's moons demo: 100 points with noise 0.1, MLP(2, [16, 16, 1]) with ReLU, the hinge loss plus
    /// 1e-4·Σp², SGD with learning rate 1.0 - 0.9·k/100 at step k, 100 full-batch steps. It reaches 100%
    /// training accuracy.
    /// </summary>
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

    /// <summary>
    /// LLM101n's micrograd: yin-yang with 100 points from seed 42, MLP(2, [8, 3]) with a tanh hidden layer,
    /// linear output and scaled initialisation (weights drawn from the same generator, after the data),
    /// mean cross-entropy on the training split, AdamW (lr 0.1, betas 0.9 and 0.95, eps 1e-8, weight decay
    /// 1e-4), 100 full-batch steps, the validation loss every 10 steps.
    /// </summary>
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

    /// <summary>A preset by name (any case).</summary>
    /// <exception cref="ArgumentException">For an unknown name, listing the known ones.</exception>
    public static TrainingConfig ByName(string name) => name.ToLowerInvariant() switch
    {
        "lecture" => Lecture,
        "moons" => Moons,
        "yinyang" => YinYang,
        _ => throw new ArgumentException($"Expected a preset: {string.Join(", ", Names)}; got '{name}'.", nameof(name)),
    };
}
