using Micrograd.Tests.Support;
using Micrograd.Training;

namespace Micrograd.Tests.Training;

/// <summary>
/// The presets' promises and the two engines (no fixture; the PyTorch comparison is in
/// <see cref="PresetGoldenTests"/>, from tools/reference/presets_golden.py).
/// </summary>
public class TrainerTests
{
    public static TheoryData<string> PresetNames() => ["lecture", "moons", "yinyang"];

    [Fact]
    public void Lecture_loss_falls_below_0_01()
    {
        var history = new Trainer(Presets.Lecture).Run();
        Assert.True(history[^1].TrainLoss < 0.01, $"final loss {history[^1].TrainLoss}");
        Assert.True(history[0].TrainLoss > 1, "the loss starts high, so the test means something");
    }

    [Fact]
    public void Moons_reach_100_percent_training_accuracy()
    {
        var trainer = new Trainer(Presets.Moons);
        var history = trainer.Run();
        Assert.Equal(1.0, trainer.Evaluate(trainer.Data.Train).Accuracy);
        Assert.Equal(1.0, history[^1].TrainAccuracy);
        Assert.True(history[0].TrainAccuracy < 1.0);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Dynamic_and_tape_engines_give_the_same_losses(string name)
    {
        var config = Presets.ByName(name);
        var dynamic = new Trainer(config with { Engine = EngineKind.Dynamic }).Run();
        var tape = new Trainer(config with { Engine = EngineKind.Tape }).Run();
        Assert.Equal(dynamic.Count, tape.Count);
        for (int k = 0; k < dynamic.Count; k++)
        {
            Tolerance.AssertClose(dynamic[k].TrainLoss, tape[k].TrainLoss, $"{name} training loss at step {k}", 1e-12, 0);
            Assert.Equal(dynamic[k].TrainAccuracy, tape[k].TrainAccuracy);
            Assert.Equal(dynamic[k].ValidationLoss is null, tape[k].ValidationLoss is null);
            if (dynamic[k].ValidationLoss is { } v)
                Tolerance.AssertClose(v, tape[k].ValidationLoss!.Value, $"{name} validation loss at step {k}", 1e-12, 0);
        }
    }

    [Fact]
    public void Tape_with_a_minibatch_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Engine = EngineKind.Tape, BatchSize = 10 }));
        Assert.Contains("batch size of 10", e.Message);
        Assert.Contains("the full batch (100 examples)", e.Message);
    }

    [Fact]
    public void Tape_with_a_batch_as_large_as_the_data_is_accepted()
    {
        var t = new Trainer(Presets.Lecture with { Engine = EngineKind.Tape, BatchSize = 4, Steps = 3 });
        Assert.Equal(3, t.Run().Count);
    }

    [Fact]
    public void Minibatches_are_deterministic_for_a_seed()
    {
        var config = Presets.Moons with { BatchSize = 16, Steps = 15 };
        var a = new Trainer(config).Run().Select(r => r.TrainLoss).ToArray();
        var b = new Trainer(config).Run().Select(r => r.TrainLoss).ToArray();
        var c = new Trainer(config with { Seed = 2 }).Run().Select(r => r.TrainLoss).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Run_stops_when_cancelled_and_calls_back_each_step()
    {
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var trainer = new Trainer(Presets.Lecture);
        var history = trainer.Run(r => { if (++calls == 5) cts.Cancel(); }, cts.Token);
        Assert.Equal(5, history.Count);
        Assert.Equal(5, trainer.StepsTaken);
    }

    [Fact]
    public void Bad_settings_are_rejected_with_the_setting_named()
    {
        Assert.Contains("at least one layer size, got none", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Layers = [] })).Message);
        Assert.Contains("0 for layer 2", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Layers = [4, 0, 1] })).Message);
        Assert.Contains("batch size of at least 1, got 0", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { BatchSize = 0 })).Message);
        Assert.Contains("non-zero seed", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Seed = 0 })).Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { LearningRate = double.NaN })).Message);
        // The data must suit the loss: hinge needs one output, cross-entropy at least two.
        Assert.Contains("1 output", Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Layers = [4, 2] })).Message);
        Assert.Contains("at least 2 outputs", Assert.Throws<ArgumentException>(() => new Trainer(Presets.YinYang with { Layers = [4, 1] })).Message);
        Assert.Contains("-1 or +1", Assert.Throws<ArgumentException>(() => new Trainer(Presets.YinYang with { Loss = LossKind.Hinge, Layers = [4, 1] })).Message);
    }

    [Fact]
    public void A_network_beyond_the_engines_limit_is_refused_before_it_is_built()
    {
        // 10^10 parameters would take hundreds of gigabytes: the test finishing at all shows nothing was built.
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Layers = [100_000, 100_000, 1] }));
        Assert.Contains($"at most {EngineLimits.Of(EngineKind.Dynamic).Parameters:N0} parameters for the dynamic engine, got 10,000,500,001", e.Message);
        var graph = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Layers = [300, 300, 1], Engine = EngineKind.Tape }));
        Assert.Contains("parameters × examples for the tape engine, got 91,501 × 100", graph.Message);
        Assert.Equal(ParameterCount(2, [16, 16, 1]), new Trainer(Presets.Moons with { Steps = 0 }).Model.Parameters().Count);
    }

    [Fact]
    public void Every_engine_states_its_limits()
    {
        foreach (var engine in Enum.GetValues<EngineKind>())
            Assert.True(EngineLimits.Of(engine) is { Parameters: > 0, ParametersTimesExamples: > 0 }, $"{engine} has no limits");
    }

    private static long ParameterCount(int nin, int[] layers) => Micrograd.Nn.MLP.ParameterCount(nin, layers);

    [Fact]
    public void Parameter_count_saturates_instead_of_overflowing()
    {
        Assert.Equal(337, ParameterCount(2, [16, 16, 1]));
        Assert.Equal(long.MaxValue, ParameterCount(int.MaxValue, [int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue]));
    }

    [Fact]
    public void The_batch_size_is_what_a_step_uses()
    {
        Assert.Equal(100, new Trainer(Presets.Moons with { BatchSize = 1000 }).BatchSize);
        Assert.Equal(10, new Trainer(Presets.Moons with { BatchSize = 10 }).BatchSize);
        Assert.Equal(100, new Trainer(Presets.Moons).BatchSize);
    }

    [Fact]
    public void The_trainer_decides_what_the_outputs_mean()
    {
        Assert.Equal(OutputKind.Sign, new Trainer(Presets.Moons).Objective.Outputs);
        Assert.Equal(OutputKind.Sign, new Trainer(Presets.Lecture).Objective.Outputs); // squared error on ±1 targets
        Assert.Equal(OutputKind.ArgMax, new Trainer(Presets.YinYang).Objective.Outputs);
        Assert.Equal(OutputKind.Regression, OutputKinds.For(LossKind.MeanSquaredError, [0.5, 2]));
        Assert.Equal(-1.0, OutputKind.Sign.Predict([-0.2]));
        Assert.Equal(2.0, OutputKind.ArgMax.Predict([0.1, 0.2, 0.3]));
        Assert.Null(OutputKind.Regression.Predict([0.1]));
    }

    [Fact]
    public void Given_data_and_its_generator_train_as_the_config_alone()
    {
        var rng = new Micrograd.Data.Rng(Presets.YinYang.Seed);
        var data = Micrograd.Data.Datasets.Load("yinyang", null, rng);
        var given = new Trainer(Presets.YinYang with { Steps = 5 }, data, rng).Run();
        var own = new Trainer(Presets.YinYang with { Steps = 5 }).Run();
        Assert.Equal(own.Select(r => r.TrainLoss), given.Select(r => r.TrainLoss));
    }

    [Fact]
    public void Presets_by_name_and_unknown_name()
    {
        Assert.Same(Presets.YinYang, Presets.ByName("YinYang"));
        var e = Assert.Throws<ArgumentException>(() => Presets.ByName("mnist"));
        Assert.Contains("lecture, moons, yinyang", e.Message);
    }
}
