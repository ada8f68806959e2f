using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Training;

/// <summary>The trainer trains any network a config describes, on the engine it names, chosen once: MLPs with
/// an activation per layer on every engine, and any module tree on the tensor engine; a run's result is a
/// trained model that answers on its own.</summary>
public class AnyNetworkTrainingTests
{
    private static readonly TrainingConfig TanhThenRelu = Presets.Moons with { Activations = [Activation.Tanh, Activation.ReLU, Activation.Linear], Steps = 20 };

    [Fact]
    public void Per_layer_activations_train_alike_on_every_engine()
    {
        var losses = new[] { EngineKind.Dynamic, EngineKind.Tape, EngineKind.Tensor }
            .Select(engine => new Trainer(TanhThenRelu with { Engine = engine }).Run().Select(r => r.TrainLoss).ToArray())
            .ToArray();
        for (int step = 0; step < losses[0].Length; step++)
        {
            Assert.Equal(losses[0][step], losses[1][step], 9);
            Assert.Equal(losses[0][step], losses[2][step], 9);
        }
        var trainer = new Trainer(TanhThenRelu with { Steps = 0 });
        Assert.Equal([Activation.Tanh, Activation.ReLU, Activation.Linear], trainer.Weights().Layers.Select(l => l.Activation));
        Assert.Equal("2-16-16-1 (Tanh, ReLU, Linear output)", trainer.Network().Description[4..]);
    }

    [Fact]
    public void A_module_tree_trains_on_the_tensor_engine_and_learns()
    {
        var network = ModuleSpec.Of(new Sequential<double>(
            new Linear<double>(2, 16), new LayerNorm<double>(16), new GELU<double>(), new Dropout<double>(0.1), new Linear<double>(16, 1)));
        var config = Presets.Moons with { Network = network, Engine = EngineKind.Tensor, Optimizer = OptimizerKind.AdamW, LearningRate = 0.02, DecayLearningRate = false, Steps = 150 };
        var trainer = new Trainer(config);
        var model = trainer.Train();
        Assert.True(model.History[^1].TrainLoss < model.History[0].TrainLoss / 3, $"expected the loss to fall, {model.History[0].TrainLoss} to {model.History[^1].TrainLoss}");
        Assert.True(model.Train.Evaluation.Accuracy >= 0.95, $"expected at least 95% of the moons right, got {model.Train.Evaluation.Accuracy}");
        Assert.Null(model.Network.Mlp);
        Assert.StartsWith("Sequential of ", model.Network.Description);
        Assert.Throws<InvalidOperationException>(() => trainer.Weights());
        Assert.Throws<InvalidOperationException>(() => trainer.Model);
    }

    [Fact]
    public void A_module_tree_is_refused_by_the_scalar_engines_with_a_reason()
    {
        var network = ModuleSpec.Of(new Sequential<double>(new Linear<double>(2, 1)));
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Network = network, Engine = EngineKind.Tape }));
        Assert.Contains("tensor engine for a Sequential network", e.Message);
        Assert.Equal(EngineKind.Tensor, EngineChoice.Choose(Presets.Moons with { Network = network }, Datasets.Load("moons", null, new Rng(1))).Engine);
    }

    [Fact]
    public void A_network_that_does_not_take_the_data_s_inputs_is_refused_before_training()
    {
        var network = ModuleSpec.Of(new Sequential<double>(new Linear<double>(3, 1)));
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Presets.Moons with { Network = network, Engine = EngineKind.Tensor }));
        Assert.Contains("takes a batch of rows of the data's 2 inputs", e.Message);
    }

    [Theory]
    [InlineData(EngineKind.Dynamic)]
    [InlineData(EngineKind.Tensor)]
    public void A_run_starts_from_the_numbers_it_is_given(EngineKind engine)
    {
        var first = new Trainer(Presets.Moons with { Engine = engine, Steps = 5 }).Train();
        var resumed = new Trainer(Presets.Moons with { Engine = engine, Steps = 0, StartFrom = first.Network.Parameters, Seed = 99 });
        Assert.Equal(first.Network.Parameters.SelectMany(p => p.Values), resumed.Network().Parameters.SelectMany(p => p.Values));
    }

    [Fact]
    public void The_trained_model_holds_each_split_s_outputs_and_answers_without_the_trainer()
    {
        var trainer = new Trainer(Presets.YinYang with { Steps = 10 });
        var model = trainer.Train();
        Assert.Equal(10, model.StepsTaken);
        Assert.Equal(trainer.Predict(trainer.Data.Validation.Inputs), model.Validation!.Outputs);
        Assert.Equal(trainer.Evaluate(trainer.Data.Test), model.Test!.Evaluation);
        trainer.Step(); // the trainer moves on; the model does not
        Assert.Equal(model.Validation.Outputs, model.Predict(trainer.Data.Validation.Inputs));
        Assert.NotEqual(model.Validation.Outputs, trainer.Predict(trainer.Data.Validation.Inputs));
    }
}
