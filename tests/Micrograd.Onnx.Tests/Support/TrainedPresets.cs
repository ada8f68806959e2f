using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>The moons and yinyang presets, trained once for all the tests that export them.</summary>
public sealed class TrainedPresets
{
    private readonly Dictionary<string, Trainer> _trained = [];

    /// <summary>Trains the presets moons and yinyang (MLPs of Values) and digits (a tensor MLP).</summary>
    public TrainedPresets()
    {
        foreach (var config in new[] { Presets.Moons, Presets.YinYang, Presets.Digits })
        {
            var trainer = new Trainer(config);
            trainer.Run();
            _trained[config.Name] = trainer;
        }
    }

    /// <summary>The trained run of preset <paramref name="name"/>.</summary>
    public Trainer this[string name] => _trained[name];

    /// <summary>100 random inputs of <paramref name="count"/> numbers each, uniform in [-2, 2) (the data lie
    /// within), each exact in float32 so that every engine sees the same numbers.</summary>
    public static double[][] RandomInputs(int count, ulong seed = 7)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, 100).Select(_ => Enumerable.Range(0, count).Select(_ => (double)(float)rng.Uniform(-2, 2)).ToArray()).ToArray();
    }
}

/// <summary>The tests that share <see cref="TrainedPresets"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedPresetsCollection : ICollectionFixture<TrainedPresets>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "trained presets";
}
