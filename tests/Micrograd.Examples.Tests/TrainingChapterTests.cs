using System.Globalization;
using System.Text.RegularExpressions;
using Micrograd.Training;
using static Micrograd.Examples.Tests.Printed;

namespace Micrograd.Examples.Tests;

/// <summary>The numbers chapters 10 to 12 talk about (moons, cross-entropy and optimizers, tensors), as their
/// examples print them.</summary>
public class TrainingChapterTests
{
    [Fact]
    public async Task Moons_reach_100_percent_with_the_hinge_loss()
    {
        var run = await ExampleRunner.RunOk("10-moons");
        Assert.Contains("Final training accuracy: 100%", run.Lines);
        double moonsLoss = Number(run, @"^step 99 loss (?<n>[^,]+),");
        Assert.Equal(moonsLoss, Number(run, @"Trainer\(Presets\.Moons\)\.Run\(\): last step's loss (?<n>[^,]+),"));
        Assert.Contains(run.Lines, l => l.Contains("Presets.Moons", StringComparison.Ordinal) && l.EndsWith("final accuracy 100%", StringComparison.Ordinal));
        double firstPerfect = Number(run, @"^step (?<n>\d+) loss \S+ accuracy 100%$");
        Assert.DoesNotContain(run.Lines, l => Regex.IsMatch(l, @"^step (\d+) loss \S+ accuracy \d{1,2}%$") && Parse(Regex.Match(l, @"^step (\d+)").Groups[1].Value) > firstPerfect);
        Quoted("10-moons", $"100% of the training points are classified right from step {firstPerfect} on");

        // relu(1 - score) for y = +1
        foreach (double score in new[] { -2.0, -1.0, 0.0, 0.5, 1.0, 2.0 })
            Assert.Equal(Math.Max(0, 1 - score), Number(run, $@"^\s+score +{Regex.Escape(score.ToString("0.0", CultureInfo.InvariantCulture))}: loss (?<n>\S+)$"));
    }

    [Fact]
    public async Task Cross_entropy_gradient_is_p_minus_y_and_AdamW_beats_SGD()
    {
        var run = await ExampleRunner.RunOk("11-cross-entropy");
        var p = Matrix(Match(run, @"softmax p = (?<m>\[[^\]]+\])").Groups["m"].Value);
        double[] logits = [1.0, 2.0, -1.0];
        double sum = logits.Sum(Math.Exp);
        Assert.Equal(logits.Select(l => Math.Exp(l) / sum), p, (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.Equal(-Math.Log(Math.Exp(1) / sum), Number(run, @"loss = -log p\[0\] = (?<n>\S+)$"), 4);
        var byHand = Matrix(Match(run, @"p - y += (?<m>.+)$").Groups["m"].Value);
        Assert.Equal(byHand, Matrix(Match(run, @"Backward += (?<m>.+)$").Groups["m"].Value));
        Assert.Equal(byHand, Matrix(Match(run, @"central difference = (?<m>.+)$").Groups["m"].Value));
        Assert.Equal(p[0] - 1, byHand[0], 4);
        Assert.True(Number(run, @"largest \|Backward - \(p - y\)\| = (?<n>\S+),") < 1e-12, run.ToString());
        Assert.Contains(run.Lines, l => l.EndsWith("worst relative error of the check below 1e-6: True", StringComparison.Ordinal));
        Quoted("11-cross-entropy", $"pays -log {p[0]:F4} = {Number(run, @"loss = -log p\[0\] = (?<n>\S+)$"):F3}");

        // The yin-yang run, with validation, and the Trainer doing the same.
        var validation = Numbers(run, @"^step +\d+ training loss \S+, validation loss (?<n>\S+)$");
        Assert.Equal(10, validation.Count);
        Assert.True(validation[^1] < validation[0] / 5, string.Join(", ", validation));
        double adamW = Number(run, @"^step 99 training loss (?<n>\S+)$");
        Assert.True(adamW < 0.1, $"Expected the yin-yang training loss below 0.1, got {adamW}.");
        Assert.Equal(adamW, Number(run, @"Trainer\(Presets\.YinYang\)\.Run\(\): last step's loss (?<n>[^,]+),"));
        var accuracy = Match(run, @"^Final accuracy: training (?<train>\d+)%, validation (?<val>\d+)%, test (?<test>\d+)%$");
        Assert.True(Parse(accuracy.Groups["train"].Value) >= 95, run.ToString());
        Assert.Equal("90", accuracy.Groups["test"].Value);
        Quoted("11-cross-entropy", "one test point of the ten is misclassified, hence 90%");

        // AdamW against SGD from the same start: the numbers the chapter quotes.
        double sgd = Number(run, @"^SGD, learning rate 0\.1: last step's loss (?<n>\S+),");
        double sgdFast = Number(run, @"^SGD, learning rate 1\.0: last step's loss (?<n>\S+),");
        Assert.Equal(50, Number(run, @"^SGD, learning rate 0\.1: .*validation accuracy (?<n>\d+)%$"));
        Assert.Equal(80, Number(run, @"^SGD, learning rate 1\.0: .*validation accuracy (?<n>\d+)%$"));
        var first = Match(run, @"^ +0 +(?<a>\S+) +(?<b>\S+) +(?<c>\S+)$");
        Assert.True(first.Groups["a"].Value == first.Groups["b"].Value && first.Groups["b"].Value == first.Groups["c"].Value, "The three runs should start from the same loss.");
        Assert.Equal(17, Math.Round(sgd / adamW));
        Quoted("11-cross-entropy", $"SGD ends at a loss of {sgd:F2}, seventeen times AdamW's {adamW:F3}, and gets half the validation points right");
        Quoted("11-cross-entropy", $"it still ends at {sgdFast:F2} and 80%");
    }

    [Fact]
    public async Task Arrays_give_the_numbers_of_Values_and_train_digits_to_97_percent()
    {
        var run = await ExampleRunner.RunOk("12-from-numbers-to-arrays");
        var x = Matrix(Match(run, @"^  X \[4, 2\] +(?<m>.+)$").Groups["m"].Value);
        var w = Matrix(Match(run, @"^  W \[3, 2\] +(?<m>.+)$").Groups["m"].Value);
        var g = Matrix(Match(run, @"^  G = dL/dY \[4, 3\] +(?<m>.+)$").Groups["m"].Value);
        var dw = Matrix(Match(run, @"W\.Grad from Backward +(?<m>.+)$").Groups["m"].Value);
        var dx = Matrix(Match(run, @"X\.Grad from Backward +(?<m>.+)$").Groups["m"].Value);
        var db = Matrix(Match(run, @"b\.Grad from Backward +(?<m>.+)$").Groups["m"].Value);
        Assert.Equal(dw, Matrix(Match(run, @"Gᵀ·X by hand +(?<m>.+)$").Groups["m"].Value));
        Assert.Equal(dx, Matrix(Match(run, @"G·W by hand +(?<m>.+)$").Groups["m"].Value));
        Assert.Equal(db, Matrix(Match(run, @"G summed over the batch +(?<m>.+)$").Groups["m"].Value));
        // The test's own arithmetic, from the printed X, W and G: dW = Gᵀ·X, dX = G·W, db = G's columns summed.
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 2; i++) Assert.Equal(Enumerable.Range(0, 4).Sum(n => g[n * 3 + j] * x[n * 2 + i]), dw[j * 2 + i], 4);
            Assert.Equal(Enumerable.Range(0, 4).Sum(n => g[n * 3 + j]), db[j], 4);
        }
        for (int n = 0; n < 4; n++)
            for (int i = 0; i < 2; i++) Assert.Equal(Enumerable.Range(0, 3).Sum(j => g[n * 3 + j] * w[j * 2 + i]), dx[n * 2 + i], 4);
        Assert.Equal(9.25, dw[0]);
        Quoted("12-from-numbers-to-arrays", "The first weight's gradient, 9.25, is 1·1 + 2·3 + 0.5·0.5 + (-1)·(-2)");
        Assert.Equal(1.0, dx[0]);
        Quoted("12-from-numbers-to-arrays", "The first input's gradient, 1.0, is 1·0.5 + 0·2 + (-1)·(-0.5)");

        var steps = run.Lines.Select(l => Regex.Match(l, @"^ +\d+  (?<a>\S+) +(?<b>\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(5, steps.Count);
        Assert.All(steps, m => Assert.Equal(m.Groups["a"].Value, m.Groups["b"].Value));
        var weights = Match(run, @"MLP (?<a>\S+), TensorMLP (?<b>\S+)$");
        Assert.Equal(weights.Groups["a"].Value, weights.Groups["b"].Value);
        var step = Match(run, @"on 64 digits: loss (?<a>\S+) \(Values\), (?<b>\S+) \(arrays\)$");
        Assert.Equal(step.Groups["a"].Value, step.Groups["b"].Value);
        Assert.True(Number(run, @"tensor engine \S+ ms, (?<n>\S+) times faster") > 1, run.ToString());

        Assert.True(Number(run, @"^Validation accuracy after 500 steps: (?<n>[\d.]+)%$") >= 97, run.ToString());
        Assert.Equal(Number(run, @"^step 499 loss (?<n>[^,]+),"), Number(run, @"Trainer\(Presets\.Digits\)\.Run\(\): last step's loss (?<n>\S+)$"));
    }
}
