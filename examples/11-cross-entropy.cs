#:project ../src/Micrograd/Micrograd.csproj
// Chapter 11: three classes, softmax and cross-entropy, AdamW against SGD (docs/tutorial/11-cross-entropy.md).
// Run from the repository root: dotnet run examples/11-cross-entropy.cs
using System.Globalization;
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Training;

OneExample();
Console.WriteLine();
var adamW = YinYang("AdamW, learning rate 0.1", p => new AdamW(p, 0.1, Presets.YinYang.Beta1, Presets.YinYang.Beta2, Presets.YinYang.Eps, Presets.YinYang.WeightDecay), print: true);
Console.WriteLine();
var sgd = YinYang("SGD, learning rate 0.1", p => new Sgd(p, 0.1), print: false);
var sgdFast = YinYang("SGD, learning rate 1.0", p => new Sgd(p, 1.0), print: false);
Compare(adamW, sgd, sgdFast);

// 1. Softmax and cross-entropy on one example, and their gradient: p - y.
static void OneExample()
{
    double[] logits = [1.0, 2.0, -1.0];
    const int target = 0;
    double[] p = Softmax(logits);
    Console.WriteLine($"One example: logits [{Join(logits, "0.0")}], the right class is {target}");
    Console.WriteLine($"   softmax p = [{Join(p, "F4")}], loss = -log p[{target}] = {-Math.Log(p[target]):F4}");

    // Backward through the library's cross-entropy, and the central difference of each logit, in one check.
    var check = Gradients.Check(l => Losses.CrossEntropy(l, target), logits);
    double[] pMinusY = [.. p.Select((pi, i) => pi - (i == target ? 1 : 0))];
    Console.WriteLine($"   p - y              = [{Join(pMinusY, "F4")}]");
    Console.WriteLine($"   Backward           = [{Join(check.Analytic, "F4")}]");
    Console.WriteLine($"   central difference = [{Join(check.Numerical, "F4")}]");
    Console.WriteLine($"   largest |Backward - (p - y)| = {pMinusY.Select((g, i) => Math.Abs(g - check.Analytic[i])).Max():0.0e+00}, worst relative error of the check below 1e-6: {check.WorstRelativeError < 1e-6}");
}

// 2. Yin-yang: LLM101n's micrograd. The same data and the same initial weights for every optimizer.
static List<double> YinYang(string name, Func<IReadOnlyList<Value>, Optimizer> makeOptimizer, bool print)
{
    var config = Presets.YinYang;
    var rng = new Rng(config.Seed);
    var splits = Datasets.YinYang(100, rng);
    var (train, validation, test) = (splits.Train, splits.Validation, splits.Test);
    var model = new MLP(2, config.Layers, config.Activation, config.OutputActivation, config.Init, rng);
    var optimizer = makeOptimizer(model.Parameters());
    if (print)
    {
        Console.WriteLine($"Yin-yang: {train.Count} training, {validation.Count} validation, {test.Count} test points; MLP(2, [{string.Join(", ", config.Layers)}]), a tanh hidden layer, 3 linear outputs");
        Console.WriteLine($"{model.Parameters().Count} parameters; cross-entropy; AdamW, learning rate {config.LearningRate}, betas ({config.Beta1}, {config.Beta2}), weight decay {config.WeightDecay}");
    }

    var losses = new List<double>();
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

        losses.Add(loss.Data);
        if (print && (validationLoss is not null || k == config.Steps - 1))
            Console.WriteLine($"step {k,2} training loss {loss.Data:F6}" + (validationLoss is null ? "" : $", validation loss {validationLoss:F6}"));
    }

    if (print)
    {
        Console.WriteLine($"Final validation loss {CrossEntropyOf(model, validation).Data:F6}");
        Console.WriteLine($"Final accuracy: training {Accuracy(model, train) * 100:F0}%, validation {Accuracy(model, validation) * 100:F0}%, test {Accuracy(model, test) * 100:F0}%");
        var trainer = new Trainer(Presets.YinYang);
        var history = trainer.Run();
        Console.WriteLine($"new Trainer(Presets.YinYang).Run(): last step's loss {history[^1].TrainLoss:F6}, final test accuracy {trainer.Evaluate(trainer.Data.Test).Accuracy * 100:F0}%");
    }
    else
    {
        Console.WriteLine($"{name}: last step's loss {losses[^1]:F6}, final validation accuracy {Accuracy(model, validation) * 100:F0}%");
    }
    return losses;
}

// 3. The three runs side by side; the whole curves go to out/11-optimizers.csv for the tutorial's picture.
static void Compare(List<double> adamW, List<double> sgd, List<double> sgdFast)
{
    Console.WriteLine();
    Console.WriteLine("The training loss of the same run with each optimizer:");
    Console.WriteLine("step   AdamW 0.1   SGD 0.1    SGD 1.0");
    foreach (int k in new[] { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99 })
        Console.WriteLine($"{k,4}   {adamW[k],9:F4}  {sgd[k],8:F4}   {sgdFast[k],8:F4}");

    Directory.CreateDirectory("out");
    var lines = new List<string> { "step,AdamW 0.1,SGD 0.1,SGD 1.0" };
    for (int k = 0; k < adamW.Count; k++)
        lines.Add(string.Join(",", new[] { k, adamW[k], sgd[k], sgdFast[k] }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
    File.WriteAllLines(Path.Combine("out", "11-optimizers.csv"), lines);
    Console.WriteLine("Wrote out/11-optimizers.csv");
}

static double[] Softmax(double[] logits)
{
    double[] e = [.. logits.Select(Math.Exp)];
    return [.. e.Select(x => x / e.Sum())];
}

static string Join(IEnumerable<double> values, string format) =>
    string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

static Value CrossEntropyOf(MLP model, Dataset data) =>
    Losses.CrossEntropy(data.Inputs.Select(model.Forward).ToArray(), data.Targets);

static double Accuracy(MLP model, Dataset data) =>
    data.Inputs.Select((x, i) => OutputKinds.ArgMax(model.Forward(x).Select(l => l.Data).ToArray()) == (int)data.Targets[i] ? 1.0 : 0.0).Average();
