#:project ../src/Micrograd/Micrograd.csproj
// Chapter 10: moons with the hinge loss, yin-yang with cross-entropy (docs/tutorial/10-moons-and-yinyang.md).
// Run from the repository root: dotnet run examples/10-moons-and-yinyang.cs
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Training;

Moons();
Console.WriteLine();
YinYang();

// micrograd's demo: two moons, labels -1 and +1, a score whose sign is the class, the max-margin loss.
static void Moons()
{
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

    var trainer = new Trainer(Presets.Moons);
    var history = trainer.Run();
    Console.WriteLine($"new Trainer(Presets.Moons).Run(): last step's loss {history[^1].TrainLoss:F6}, final accuracy {trainer.Evaluate(trainer.Data.Train).Accuracy * 100:F0}%");

    Console.WriteLine();
    Console.WriteLine("The decision boundary: '.' where the model says -1, ' ' where it says +1; the points: x is -1, o is +1");
    DrawMap((u, v) => model.Forward([u, v])[0].Data > 0 ? 1 : 0, ['.', ' '],
        data, y => y > 0 ? 'o' : 'x', xMin: -1.6, xMax: 2.6, yMin: -1.0, yMax: 1.5);
}

// LLM101n's micrograd: three classes, three scores per point (logits), softmax cross-entropy, AdamW.
static void YinYang()
{
    var config = Presets.YinYang;
    var rng = new Rng(config.Seed);
    var splits = Datasets.YinYang(100, rng);
    var (train, validation, test) = (splits.Train, splits.Validation, splits.Test);
    var model = new MLP(2, config.Layers, config.Activation, config.OutputActivation, config.Init, rng);
    var optimizer = new AdamW(model.Parameters(), config.LearningRate, config.Beta1, config.Beta2, config.Eps, config.WeightDecay);
    Console.WriteLine($"Yin-yang: {train.Count} training, {validation.Count} validation, {test.Count} test points; MLP(2, [{string.Join(", ", config.Layers)}]), a tanh hidden layer, 3 linear outputs");
    Console.WriteLine($"{model.Parameters().Count} parameters; cross-entropy; AdamW, learning rate {config.LearningRate}, betas ({config.Beta1}, {config.Beta2}), weight decay {config.WeightDecay}");

    for (int k = 0; k < config.Steps; k++)
    {
        // every 10 steps, the loss on the validation points, which the model never learns from
        double? validationLoss = k % config.ValidationEvery == 0 ? CrossEntropyOf(model, validation).Data : null;

        // forward: three logits per point, then the mean of -log softmax(logits)[class]
        var logits = train.Inputs.Select(model.Forward).ToArray();
        var loss = Losses.CrossEntropy(logits, train.Targets);

        // zero the gradients, backward, update
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();

        if (validationLoss is not null || k == config.Steps - 1)
            Console.WriteLine($"step {k,2} training loss {loss.Data:F6}" + (validationLoss is null ? "" : $", validation loss {validationLoss:F6}"));
    }

    Console.WriteLine($"Final validation loss {CrossEntropyOf(model, validation).Data:F6}");
    Console.WriteLine($"Final accuracy: training {Accuracy(model, train) * 100:F0}%, validation {Accuracy(model, validation) * 100:F0}%, test {Accuracy(model, test) * 100:F0}%");

    var trainer = new Trainer(Presets.YinYang);
    var history = trainer.Run();
    Console.WriteLine($"new Trainer(Presets.YinYang).Run(): last step's loss {history[^1].TrainLoss:F6}, final test accuracy {trainer.Evaluate(trainer.Data.Test).Accuracy * 100:F0}%");

    Console.WriteLine();
    Console.WriteLine("The model's classes: ' ' yin (0), '.' yang (1), ':' the dots (2); the training points: 0, 1, 2");
    DrawMap((u, v) => OutputKinds.ArgMax(model.Forward([u, v]).Select(l => l.Data).ToArray()), [' ', '.', ':'],
        train, y => (char)('0' + (int)y), xMin: -2.2, xMax: 2.2, yMin: -2.1, yMax: 2.1);
}

static Value CrossEntropyOf(MLP model, Dataset data) =>
    Losses.CrossEntropy(data.Inputs.Select(model.Forward).ToArray(), data.Targets);

static double Accuracy(MLP model, Dataset data) =>
    data.Inputs.Select((x, i) => OutputKinds.ArgMax(model.Forward(x).Select(l => l.Data).ToArray()) == (int)data.Targets[i] ? 1.0 : 0.0).Average();

// A map of the plane in characters: the background shows the model's class, the points their label.
// A character cell is about twice as tall as it is wide, so rows step twice as far as columns.
static void DrawMap(Func<double, double, int> classify, char[] background, Dataset points, Func<double, char> mark,
    double xMin, double xMax, double yMin, double yMax)
{
    const int columns = 64;
    double dx = (xMax - xMin) / columns, dy = 2 * dx;
    int rows = (int)Math.Ceiling((yMax - yMin) / dy);
    var grid = new char[rows][];
    for (int r = 0; r < rows; r++)
    {
        grid[r] = new char[columns];
        double y = yMax - (r + 0.5) * dy;
        for (int c = 0; c < columns; c++) grid[r][c] = background[classify(xMin + (c + 0.5) * dx, y)];
    }
    for (int i = 0; i < points.Count; i++)
    {
        int c = (int)((points.Inputs[i][0] - xMin) / dx), r = (int)((yMax - points.Inputs[i][1]) / dy);
        if (r >= 0 && r < rows && c >= 0 && c < columns) grid[r][c] = mark(points.Targets[i]);
    }
    Console.WriteLine("   +" + new string('-', columns) + "+");
    foreach (var row in grid) Console.WriteLine("   |" + new string(row) + "|");
    Console.WriteLine("   +" + new string('-', columns) + "+");
}
