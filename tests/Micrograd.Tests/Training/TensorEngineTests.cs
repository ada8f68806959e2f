using Micrograd.Data;
using Micrograd.Tests.Support;
using Micrograd.Training;

namespace Micrograd.Tests.Training;

/// <summary>
/// The trainer on the tensor engine: "tensors are only efficiency", so every preset trains to the dynamic
/// engine's losses, step by step, with and without minibatches (no fixture: the dynamic engine is checked
/// against PyTorch in <see cref="PresetGoldenTests"/>, from tools/reference/presets_golden.py).
/// </summary>
public class TensorEngineTests
{
    // Every preset, full batch and with a minibatch drawn from the same Rng.
    public static TheoryData<string, int?> Runs() => new()
    {
        { "lecture", null }, { "lecture", 2 },
        { "moons", null }, { "moons", 16 },
        { "yinyang", null }, { "yinyang", 20 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Tensor_engine_reproduces_the_dynamic_engines_losses(string preset, int? batchSize) =>
        AssertSameRuns(Presets.ByName(preset) with { BatchSize = batchSize }, null, preset);

    [Fact]
    public void Digits_on_the_tensor_engine_reproduce_the_dynamic_engines_losses()
    {
        // The dynamic engine takes the digits preset's network on 200 training and 100 validation examples
        // (9,610 parameters × 200 examples, within its 2,000,000), for 10 steps of its batches of 64.
        var digits = Datasets.Load("digits", null, new Rng(1));
        var data = new DatasetSplits(digits.Train.Slice(0, 200), digits.Validation.Slice(0, 100), digits.Test.Slice(0, 0));
        AssertSameRuns(Presets.Digits with { Steps = 10, ValidationEvery = 5 }, data, "digits");
    }

    private static void AssertSameRuns(TrainingConfig config, DatasetSplits? data, string preset)
    {
        int? batchSize = config.BatchSize;
        var dynamic = new Trainer(config with { Engine = EngineKind.Dynamic }, data);
        var tensor = new Trainer(config with { Engine = EngineKind.Tensor }, data);
        var expected = dynamic.Run();
        var actual = tensor.Run();

        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            string what = $"{preset} (batch {batchSize?.ToString() ?? "full"}) step {k}";
            Tolerance.AssertClose(expected[k].TrainLoss, actual[k].TrainLoss, $"{what}: training loss", 1e-12, 0);
            Assert.Equal(expected[k].TrainAccuracy, actual[k].TrainAccuracy);
            Assert.Equal(expected[k].ValidationLoss is null, actual[k].ValidationLoss is null);
            if (expected[k].ValidationLoss is { } v)
            {
                Tolerance.AssertClose(v, actual[k].ValidationLoss!.Value, $"{what}: validation loss", 1e-12, 0);
                Assert.Equal(expected[k].ValidationAccuracy, actual[k].ValidationAccuracy);
            }
        }
        Tolerance.AssertAllClose(dynamic.Weights().ToArray(), tensor.Weights().ToArray(), $"{preset} final parameters", 1e-12, 1e-15);
        Assert.Equal(dynamic.Evaluate(dynamic.Data.Train).Accuracy, tensor.Evaluate(tensor.Data.Train).Accuracy);
    }

    [Theory]
    [InlineData("moons")]
    [InlineData("yinyang")]
    public void Float32_agrees_with_float64(string preset)
    {
        var config = Presets.ByName(preset) with { Engine = EngineKind.Tensor };
        var float64 = new Trainer(config).Run();
        var float32 = new Trainer(config with { Precision = Precision.Float32 }).Run();
        for (int k = 0; k < float64.Count; k++)
            Tolerance.AssertClose(float64[k].TrainLoss, float32[k].TrainLoss, $"{preset} float32 loss at step {k}", 1e-4, 1e-6);
    }

    [Fact]
    public void Predict_gives_the_outputs_of_every_engines_network()
    {
        var dynamic = new Trainer(Presets.YinYang with { Steps = 20 });
        var tensor = new Trainer(Presets.YinYang with { Steps = 20, Engine = EngineKind.Tensor });
        dynamic.Run();
        tensor.Run();
        var inputs = dynamic.Data.Validation.Inputs;
        var expected = inputs.Select(x => dynamic.Model.Forward(x).Select(v => v.Data).ToArray()).ToArray();
        foreach (var trainer in new[] { dynamic, tensor })
        {
            var outputs = trainer.Predict(inputs);
            for (int i = 0; i < expected.Length; i++)
                Tolerance.AssertAllClose(expected[i], outputs[i], $"{trainer.Config.Engine} outputs of example {i}", 1e-12, 1e-15);
        }
        Assert.Contains("Expected 2 inputs in every row, got 3 in row 2", Assert.Throws<ArgumentException>(() => tensor.Predict([[1.0, 2.0], [1.0, 2.0, 3.0]])).Message);
    }

    [Fact]
    public void A_tensor_run_has_no_MLP_of_Values_and_says_where_its_network_is()
    {
        var trainer = new Trainer(Presets.Moons with { Engine = EngineKind.Tensor, Steps = 1 });
        var e = Assert.Throws<InvalidOperationException>(() => trainer.Model);
        Assert.Contains("Network()", e.Message);
        Assert.Equal("2-16-16-1 (ReLU, Linear output)", trainer.Weights().Shape);
    }

    [Fact]
    public void Float32_is_only_for_the_tensor_engine()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Precision = Precision.Float32 }));
        Assert.Contains("Expected float64 with the dynamic engine", e.Message);
    }

    [Fact]
    public void The_tensor_engine_takes_networks_the_scalar_engines_refuse_but_bounds_a_steps_arrays()
    {
        // 20,301 parameters × 100 examples is beyond the scalar engines' 2,000,000, not the tensor engine's.
        var wide = Presets.Moons with { Layers = [100, 100, 100, 1], Steps = 2 };
        Assert.Throws<ArgumentException>(() => new Trainer(wide));
        Assert.Equal(2, new Trainer(wide with { Engine = EngineKind.Tensor }).Run().Count);

        // 100 examples × 200,003 units is beyond what a tensor step holds; a batch of 10 is not.
        var huge = Presets.Moons with { Layers = [200_000, 1], Engine = EngineKind.Tensor, Steps = 1 };
        var e = Assert.Throws<ArgumentException>(() => new Trainer(huge));
        Assert.Contains($"at most {EngineLimits.Of(EngineKind.Tensor).UnitsTimesExamples:N0} examples × units", e.Message);
        Assert.Contains("got 100 × 200,003", e.Message);
        Assert.Single(new Trainer(huge with { BatchSize = 10 }).Run());
    }
}
