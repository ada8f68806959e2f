using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Playground.Loop;
using Micrograd.Training;

namespace Micrograd.Playground.Tests.Logic;

public class TrainingLoopTests
{
    [Fact]
    public void Five_presses_are_one_step_of_the_lectures_loop()
    {
        var loop = new TrainingLoop();
        for (int i = 0; i < 5 * 20; i++) loop.Next();
        Assert.Equal(20, loop.StepCount);

        // The same loop written out, as the README writes it.
        var p = Presets.Lecture;
        var data = Datasets.Tiny();
        var model = new MLP(3, p.Layers, p.Activation, p.OutputActivation, p.Init, new Rng(p.Seed));
        var optimizer = new Sgd(model.Parameters(), 0.05);
        var losses = new List<double>();
        for (int step = 0; step < 20; step++)
        {
            var ypred = data.Inputs.Select(x => model.Forward(x)[0]).ToArray();
            var loss = Losses.SumSquaredError(ypred, data.Targets);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.Data);
        }
        Assert.Equal(losses, loop.Losses);
        Assert.Equal(model.Parameters().Select(v => v.Data), loop.Model.Parameters().Select(v => v.Data));
        Assert.True(losses[^1] < losses[0] / 2, "it learns");
    }

    [Fact]
    public void Forgetting_zero_grad_adds_up_gradients()
    {
        var loop = new TrainingLoop { SkipZeroGrad = true };
        var fresh = new TrainingLoop();
        for (int i = 0; i < 5 + 4; i++) { loop.Next(); fresh.Next(); } // one step, then to the second backward
        fresh.SkipZeroGrad = false;
        // The second backward of the buggy loop added to the first's gradients.
        var first = new TrainingLoop();
        for (int i = 0; i < 4; i++) first.Next();
        var stale = first.Model.Parameters().Select(v => v.Grad).ToArray();
        var buggy = loop.Model.Parameters().Select(v => v.Grad).ToArray();
        var right = fresh.Model.Parameters().Select(v => v.Grad).ToArray();
        for (int i = 0; i < buggy.Length; i++) Assert.Equal(stale[i] + right[i], buggy[i], 12);
    }

    [Fact]
    public void Too_large_a_learning_rate_makes_the_loss_grow()
    {
        var loop = new TrainingLoop(learningRate: 3.0);
        loop.RunSteps(30);
        bool grew = Enumerable.Range(2, loop.Losses.Count - 2).Any(i => loop.Losses[i] > loop.Losses[i - 1] && loop.Losses[i - 1] > loop.Losses[i - 2]);
        Assert.True(grew, string.Join(", ", loop.Losses.Select(l => l.ToString("0.###"))));
        var calm = new TrainingLoop();
        calm.RunSteps(30);
        Assert.True(calm.Losses.Zip(calm.Losses.Skip(1)).All(p => p.Second < p.First), "0.05 descends steadily");
    }
}
