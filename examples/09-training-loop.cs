#:project ../src/Micrograd/Micrograd.csproj
// Chapter 9: the tiny dataset, the loss and the training loop (docs/tutorial/09-training-loop.md).
// Run from the repository root: dotnet run examples/09-training-loop.cs
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

// The lecture's settings, defined once in Presets.Lecture: MLP(3, [4, 4, 1]) with tanh, learning rate 0.05,
// 100 steps, the sum of squared errors. Here the loop is written out.
var config = Presets.Lecture;
var data = Datasets.Tiny();
var xs = data.Inputs;   // four examples of three numbers
var ys = data.Targets;  // the output we want for each: 1, -1, -1, 1
Console.WriteLine($"{config.Name}: MLP(3, [{string.Join(", ", config.Layers)}]), learning rate {config.LearningRate}, {config.Steps} steps");
for (int i = 0; i < xs.Count; i++) Console.WriteLine($"   x = [{string.Join(", ", xs[i])}]  ->  y = {ys[i]}");
Console.WriteLine();

var right = Train(zeroGrad: true);
var wrong = Train(zeroGrad: false);

Console.WriteLine("       with model.ZeroGrad()          without it");
Console.WriteLine("step   loss      largest |Grad|     loss      largest |Grad|");
foreach (int k in Enumerable.Range(0, 11).Concat([20, 30, 40, 50, 60, 70, 80, 90, config.Steps - 1]))
    Console.WriteLine($"{k,4}   {right.Losses[k],8:F6}   {right.LargestGrad[k],7:F4}        {wrong.Losses[k],8:F6}   {wrong.LargestGrad[k],7:F4}");
Console.WriteLine();
Console.WriteLine($"Final loss with ZeroGrad: {right.FinalLoss:F6}, predictions [{string.Join(", ", right.Predictions.Select(p => p.ToString("F4")))}]");
Console.WriteLine($"Final loss without:       {wrong.FinalLoss:F6}, predictions [{string.Join(", ", wrong.Predictions.Select(p => p.ToString("F4")))}]");
Console.WriteLine($"Largest |weight| after {config.Steps} steps: {right.LargestWeight:F3} with ZeroGrad, {wrong.LargestWeight:F3} without");
Console.WriteLine($"The true gradient of the final loss (ZeroGrad, then Backward) is at most {wrong.TrueGradient:F6} without ZeroGrad,");
Console.WriteLine($"but the summed Grad it kept stepping with was {wrong.LargestGrad[^1]:F4}.");
Console.WriteLine($"Without ZeroGrad, each step still moves {wrong.Moving} of the {wrong.Total} parameters: by {config.LearningRate} × |Grad|, from {config.LearningRate * wrong.SmallestGrad:F4} to {config.LearningRate * wrong.LargestGrad[^1]:F4}.");

// The library's Trainer runs the same preset with the same loop inside, so it ends at the same loss.
var trainer = new Trainer(Presets.Lecture);
trainer.Run();
Console.WriteLine($"new Trainer(Presets.Lecture).Run() ends at loss {trainer.Evaluate(trainer.Data.Train).Loss:F6}");
WriteCsv("09-zero-grad.csv", "step,with ZeroGrad,without", Enumerable.Range(0, config.Steps).Select(k => new[] { k, right.Losses[k], wrong.Losses[k] }));

// The learning rate: the same run with the Trainer, changing nothing but the size of the step.
double[] rates = [0.005, 0.05, 0.2, 0.5, 1.0];
var trainers = rates.Select(lr => new Trainer(Presets.Lecture with { LearningRate = lr })).ToArray();
var runs = trainers.Select(t => t.Run().Select(r => r.TrainLoss).ToArray()).ToArray();
Console.WriteLine();
Console.WriteLine("The loss at each learning rate (the same weights to start from, the same 100 steps):");
Console.WriteLine("step  " + string.Join("", rates.Select(lr => $"{$"lr {lr:0.0##}",10}")));
foreach (int k in new[] { 0, 1, 2, 3, 5, 10, 20, 50, 99 })
    Console.WriteLine($"{k,4}  " + string.Join("", runs.Select(r => $"{r[k],10:F4}")));
var tooLarge = trainers[^1];
var stuck = tooLarge.Predict(xs).Select(p => p[0].ToString("F4"));
Console.WriteLine($"At lr {rates[^1]:0.0}, after 100 steps: predictions [{string.Join(", ", stuck)}], largest |Grad| {tooLarge.Model.Parameters().Max(p => Math.Abs(p.Grad)):0.0e+00}");
WriteCsv("09-learning-rates.csv", "step," + string.Join(",", rates.Select(lr => $"lr {lr:0.0##}")),
    Enumerable.Range(0, config.Steps).Select(k => new[] { (double)k }.Concat(runs.Select(r => r[k])).ToArray()));

(List<double> Losses, List<double> LargestGrad, double FinalLoss, double[] Predictions, double LargestWeight, double TrueGradient, double SmallestGrad, int Moving, int Total) Train(bool zeroGrad)
{
    var model = new MLP(3, config.Layers, config.Activation, config.OutputActivation, config.Init, new Rng(config.Seed));
    var losses = new List<double>();
    var largestGrad = new List<double>();
    for (int k = 0; k < config.Steps; k++)
    {
        // forward: a prediction for every example, and one number for how wrong they are
        var ypred = xs.Select(x => model.Forward(x)[0]).ToArray();
        var loss = Losses.SumSquaredError(ypred, ys); // the sum of (ypred - y)²

        // zero the gradients: Backward adds to Grad, so the last step's gradients must go first
        if (zeroGrad) model.ZeroGrad();

        // backward: d loss / d p for every parameter p
        loss.Backward();

        // update: move every parameter a small step against its gradient, downhill on the loss
        foreach (var p in model.Parameters()) p.Data -= config.LearningRate * p.Grad;

        losses.Add(loss.Data);
        largestGrad.Add(model.Parameters().Max(p => Math.Abs(p.Grad)));
    }
    double smallestGrad = model.Parameters().Min(p => Math.Abs(p.Grad));
    int moving = model.Parameters().Count(p => p.Grad != 0);
    var final = xs.Select(x => model.Forward(x)[0]).ToArray();
    var finalLoss = Losses.SumSquaredError(final, ys);
    model.ZeroGrad();
    finalLoss.Backward();
    return (losses, largestGrad, finalLoss.Data, final.Select(v => v.Data).ToArray(),
        model.Parameters().Max(p => Math.Abs(p.Data)), model.Parameters().Max(p => Math.Abs(p.Grad)), smallestGrad, moving, model.Parameters().Count);
}

// Numbers for the tutorial's pictures (tools/TutorialPictures draws them), one row per step.
static void WriteCsv(string file, string header, IEnumerable<double[]> rows)
{
    Directory.CreateDirectory("out");
    File.WriteAllLines(Path.Combine("out", file),
        [header, .. rows.Select(r => string.Join(",", r.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))]);
}
