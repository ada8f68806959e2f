#:project ../src/Micrograd/Micrograd.csproj
// Chapter 10: two moons, a score whose sign is the class, and the hinge loss (docs/tutorial/10-moons.md).
// Run from the repository root: dotnet run examples/10-moons.cs
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

// micrograd's demo: two moons, labels -1 and +1, a score whose sign is the class, the max-margin loss.
var config = Presets.Moons;
var rng = new Rng(config.Seed);
var data = Datasets.Moons(100, 0.1, rng);   // the data first, then the weights, from the same generator
var model = new MLP(2, config.Layers, config.Activation, config.OutputActivation, config.Init, rng);
Console.WriteLine($"Moons: {data.Count} points; MLP(2, [{string.Join(", ", config.Layers)}]), ReLU hidden layers, a linear output");
Console.WriteLine($"{model.Parameters().Count} parameters; hinge loss + {config.L2} * sum of p²; SGD, learning rate 1.0 falling to 0.1");

for (int k = 0; k < config.Steps; k++)
{
    // forward: a score per point; the loss is the mean of relu(1 - y * score) plus a small pull towards 0
    var scores = data.Inputs.Select(x => model.Forward(x)[0]).ToArray();
    var loss = Losses.Hinge(scores, data.Targets) + Losses.L2(model.Parameters(), config.L2);
    double accuracy = scores.Where((s, i) => s.Data > 0 == data.Targets[i] > 0).Count() / (double)data.Count;

    // zero the gradients, backward
    model.ZeroGrad();
    loss.Backward();

    // update, with micrograd's learning rate decay
    double learningRate = 1.0 - 0.9 * k / config.Steps;
    foreach (var p in model.Parameters()) p.Data -= learningRate * p.Grad;

    if (k % 10 == 0 || k == config.Steps - 1)
        Console.WriteLine($"step {k,2} loss {loss.Data:F6}, accuracy {accuracy * 100:F0}%");
}

var finalScores = data.Inputs.Select(x => model.Forward(x)[0].Data).ToArray();
double finalAccuracy = finalScores.Where((s, i) => s > 0 == data.Targets[i] > 0).Count() / (double)data.Count;
Console.WriteLine($"Final training accuracy: {finalAccuracy * 100:F0}%");

// The library's Trainer runs the same preset with the same loop, so it ends at the same loss. The command
// `micrograd train` runs this Trainer, and draws its decision boundary.
var trainer = new Trainer(Presets.Moons);
var history = trainer.Run();
Console.WriteLine($"new Trainer(Presets.Moons).Run(): last step's loss {history[^1].TrainLoss:F6}, final accuracy {trainer.Evaluate(trainer.Data.Train).Accuracy * 100:F0}%");

// The hinge loss of one point, at a few scores: 0 once the point is on its side with a margin of 1.
Console.WriteLine();
Console.WriteLine("The hinge loss relu(1 - y * score) of a point with y = +1:");
foreach (double score in new[] { -2.0, -1.0, 0.0, 0.5, 1.0, 2.0 })
    Console.WriteLine($"   score {score,4:0.0}: loss {Losses.Hinge([new Value(score)], [1.0]).Data:0.0}");
