using Micrograd.Playground.Training;
using Micrograd.Training;

namespace Micrograd.Playground.Tests.Logic;

public class ParameterWatchTests
{
    private static TrainingSession Session(TrainingSettings settings, string dataset = "moons")
    {
        var set = PlaygroundData.Load(dataset, settings.Seed);
        return new TrainingSession(settings, set.Train, PlaygroundData.ClassCount(dataset), set.Validation);
    }

    [Theory]
    [InlineData(EngineKind.Tensor, Precision.Float64)]
    [InlineData(EngineKind.Tensor, Precision.Float32)]
    [InlineData(EngineKind.Tape, Precision.Float64)]
    [InlineData(EngineKind.Dynamic, Precision.Float64)]
    public void AdamWs_m_and_v_shown_are_the_librarys_follow_its_recurrences_and_predict_its_update(EngineKind engine, Precision precision)
    {
        var settings = TrainingSettings.For("yinyang") with { Engine = engine, Precision = precision };
        Assert.Equal(OptimizerKind.AdamW, settings.Optimizer);
        foreach (var choice in new[] { new ParameterChoice(0, 3, 1), new ParameterChoice(0, 2, 2), new ParameterChoice(1, 1, 4) })
        {
            var session = Session(settings, "yinyang");
            session.WatchParameter(choice);
            double start = session.Watch!.Value;
            var layer = session.Trainer.Weights().Layers[choice.Layer];
            Assert.Equal(choice.Input == layer.InputCount ? layer.Biases[choice.Neuron] : layer.Weights[choice.Neuron * layer.InputCount + choice.Input], start);
            for (int i = 0; i < 20; i++) session.Step();

            var steps = session.Watch.Steps;
            Assert.Equal(20, steps.Count);
            double tolerance = precision == Precision.Float32 ? 1e-5 : 1e-12;
            Assert.All(steps, s => Assert.Equal(s.Update, s.Predicted!.Value, tolerance));
            // m and √v, read from the library, are the recurrences over this parameter's gradients (not another's).
            var adam = (Micrograd.Optim.AdamW)session.Trainer.Optimizer;
            double m = 0, v = 0;
            foreach (var s in steps)
            {
                m = adam.Beta1 * m + (1 - adam.Beta1) * s.Grad;
                v = adam.Beta2 * v + (1 - adam.Beta2) * s.Grad * s.Grad;
                Assert.Equal(m, s.M!.Value, tolerance);
                Assert.Equal(Math.Sqrt(v), s.SqrtV!.Value, tolerance);
            }
            Assert.Contains(steps, s => s.M != 0);
            Assert.Contains(steps, s => s.Update != 0);
            Assert.Equal(start + steps.Sum(s => s.Update), session.Watch.Value, 1e-9);
            // The value is the library's: the same number the trained weights hold.
            var now = session.Trainer.Weights().Layers[choice.Layer];
            Assert.Equal(choice.Input == now.InputCount ? now.Biases[choice.Neuron] : now.Weights[choice.Neuron * now.InputCount + choice.Input], session.Watch.Value);
        }
    }

    [Fact]
    public void With_SGD_the_update_is_minus_the_learning_rate_times_the_gradient()
    {
        var session = Session(TrainingSettings.Moons with { L2 = 0 });
        session.WatchParameter(new ParameterChoice(0, 5, 0));
        for (int i = 0; i < 5; i++) session.Step();
        Assert.False(session.Watch!.IsAdamW);
        Assert.All(session.Watch.Steps, s =>
        {
            double lr = 1.0 * (1 - 0.9 * s.Step / 100.0); // the moons preset's decaying rate
            Assert.Equal(-lr * s.Grad, s.Update, 1e-6);
            Assert.Null(s.M);
        });
    }

    [Fact]
    public void A_parameter_the_network_lacks_is_refused_in_words()
    {
        var session = Session(TrainingSettings.Moons);
        Assert.Contains("neuron from 0 to 15", Assert.Throws<ArgumentException>(() => session.WatchParameter(new ParameterChoice(0, 16, 0))).Message);
        Assert.Contains("layer from 1 to 3", Assert.Throws<ArgumentException>(() => session.WatchParameter(new ParameterChoice(3, 0, 0))).Message);
        Assert.Equal("L1N0.b", new ParameterChoice(0, 0, 2).Label(2));
        Assert.Equal("L2N3.w7", new ParameterChoice(1, 3, 7).Label(16));
    }
}
