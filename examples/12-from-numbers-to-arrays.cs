#:project ../src/Micrograd/Micrograd.csproj
// Chapter 12: from numbers to arrays, the tensor engine (docs/tutorial/12-from-numbers-to-arrays.md).
// Run from the repository root, built for speed: dotnet run -c Release examples/12-from-numbers-to-arrays.cs
using System.Diagnostics;
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

LinearBackward();
Console.WriteLine();
SameNumbers();
Console.WriteLine();
Speed();
Console.WriteLine();
Digits();

// A layer's backward pass is chapter 4's neuron, for every neuron and every example at once. The layer is built from
// raw tensors in PyTorch's layout: W is [out, in] (row j holds neuron j's weights), Y = X·Wᵀ + b.
static void LinearBackward()
{
    var x = Tensor<double>.FromArray([1, 2, 3, -1, 0.5, 4, -2, 1], [4, 2], requiresGrad: true);    // X: 4 examples, 2 inputs each
    var w = Tensor<double>.FromArray([0.5, -1, 2, 0.25, -0.5, 1.5], [3, 2], requiresGrad: true);   // W: 3 neurons, 2 weights each
    var b = Tensor<double>.FromArray([0.1, -0.2, 0.3], [3], requiresGrad: true);                  // b: one bias per neuron
    var g = Tensor<double>.FromArray([1, 0, -1, 2, 1, 0, 0.5, -2, 3, -1, 1, 1], [4, 3]);          // G: the upstream gradient we choose
    var y = x.MatMul(w.Transpose()) + b;                                                           // Y = X·Wᵀ + b, shape [4, 3]
    var loss = (y * g).Sum();                                                                      // so that dL/dY is exactly G
    loss.Backward();

    Console.WriteLine("A layer of 3 neurons with 2 inputs on a batch of 4 examples: Y = X·Wᵀ + b");
    Print("X [4, 2]", x.ToArray(), 4, 2);
    Print("W [3, 2]", w.ToArray(), 3, 2);
    Print("G = dL/dY [4, 3]", g.ToArray(), 4, 3);

    // By hand, from chapter 4: each use of a number adds (other factor) × (upstream gradient) to its gradient.
    double[] xs = x.ToArray(), ws = w.ToArray(), gs = g.ToArray();
    var dw = new double[3 * 2];
    var dx = new double[4 * 2];
    var db = new double[3];
    for (int n = 0; n < 4; n++)
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 2; i++)
            {
                dw[j * 2 + i] += gs[n * 3 + j] * xs[n * 2 + i]; // Y[n, j] uses W[j, i] once per example n
                dx[n * 2 + i] += gs[n * 3 + j] * ws[j * 2 + i]; // and X[n, i] once per neuron j
            }
            db[j] += gs[n * 3 + j];                             // and b[j] once per example n
        }
    Print("W.Grad from Backward", w.Grad!.ToArray(), 3, 2);
    Print("Gᵀ·X by hand", dw, 3, 2);
    Print("X.Grad from Backward", x.Grad!.ToArray(), 4, 2);
    Print("G·W by hand", dx, 4, 2);
    Print("b.Grad from Backward", b.Grad!.ToArray(), 1, 3);
    Print("G summed over the batch", db, 1, 3);
}

// The same network from the same seed, once made of Values and once of arrays: the same numbers.
static void SameNumbers()
{
    var config = Presets.Moons;
    var scalarRng = new Rng(config.Seed);
    var data = Datasets.Moons(100, 0.1, scalarRng);
    var scalar = new MLP(2, config.Layers, config.Activation, config.OutputActivation, config.Init, scalarRng);
    var tensorRng = new Rng(config.Seed);
    Datasets.Moons(100, 0.1, tensorRng); // the same draws, so the tensor MLP gets the same weights
    var tensor = new TensorMLP<double>(2, config.Layers, config.Activation, config.OutputActivation, config.Init, tensorRng);

    var x = Tensor<double>.FromArray([.. data.Inputs.SelectMany(row => row)], [data.Count, 2]);
    var y = Tensor<double>.FromArray([.. data.Targets], [data.Count]);
    var scalarSgd = new Sgd(scalar.Parameters(), config.LearningRate) { Schedule = k => 1.0 - 0.9 * k / config.Steps };
    var tensorSgd = new Sgd(tensor.Parameters(), config.LearningRate) { Schedule = k => 1.0 - 0.9 * k / config.Steps };

    Console.WriteLine("The moons preset, trained by MLP (Values) and TensorMLP<double> (arrays) from seed 1337:");
    Console.WriteLine("step  MLP loss            TensorMLP loss");
    for (int k = 0; k < config.Steps; k++)
    {
        // the scalar engine: one graph of Values per example
        var scores = data.Inputs.Select(row => scalar.Forward(row)[0]).ToArray();
        var scalarLoss = Losses.Hinge(scores, data.Targets) + Losses.L2(scalar.Parameters(), config.L2);
        scalarSgd.ZeroGrad();
        scalarLoss.Backward();
        scalarSgd.Step();

        // the tensor engine: the whole batch at once, the same five steps
        var tensorLoss = TensorLosses.Hinge(tensor.Forward(x), y) + TensorLosses.L2(tensor.Parameters(), config.L2);
        tensorSgd.ZeroGrad();
        tensorLoss.Backward();
        tensorSgd.Step();

        if (k % 25 == 0 || k == config.Steps - 1)
            Console.WriteLine($"{k,4}  {scalarLoss.Data:F12}      {tensorLoss.Item():F12}");
    }
    double firstWeight = scalar.Parameters()[0].Data, firstTensorWeight = tensor.Parameters()[0].ToArray()[0]; // neuron 0's first weight
    Console.WriteLine($"first weight after training: MLP {firstWeight:F12}, TensorMLP {firstTensorWeight:F12}");
}

// One training step of the digits network on a batch of 64, with each engine.
static void Speed()
{
    var train = Datasets.Digits().Train;
    var batch = train.Slice(0, 64);
    var rng = new Rng(1);
    var scalar = new MLP(64, [128, 10], Activation.ReLU, Activation.Linear, Init.Scaled, rng);
    var tensor = MlpWeights.Of(scalar).ToTensorMLP<double>();
    var x = Tensor<double>.FromArray([.. batch.Inputs.SelectMany(row => row)], [64, 64]);
    int[] classes = [.. batch.Targets.Select(t => (int)t)];

    Value ScalarStep()
    {
        var logits = batch.Inputs.Select(scalar.Forward).ToArray();
        var loss = Losses.CrossEntropy(logits, batch.Targets);
        scalar.ZeroGrad();
        loss.Backward();
        return loss;
    }
    Tensor<double> TensorStep()
    {
        var loss = tensor.Forward(x).CrossEntropy(classes);
        tensor.ZeroGrad();
        loss.Backward();
        return loss;
    }

    var scalarLoss = ScalarStep();
    var tensorLoss = TensorStep();
    Console.WriteLine($"One step of MLP(64, [128, 10]) on 64 digits: loss {scalarLoss.Data:F12} (Values), {tensorLoss.Item():F12} (arrays)");
    Console.WriteLine($"  the scalar engine builds {CountValues(scalarLoss):N0} Values for it");

    double scalarMs = Milliseconds(() => ScalarStep(), 5);
    double tensorMs = Milliseconds(() => TensorStep(), 200);
    Console.WriteLine($"  time per step: dynamic engine {scalarMs:F1} ms, tensor engine {tensorMs:F3} ms, {scalarMs / tensorMs:F0} times faster");
}

// The digits preset's run, the loop written out: forward, loss, zero the gradients, backward, update.
static void Digits()
{
    var config = Presets.Digits;
    var data = Datasets.Digits();   // 1,257 / 270 / 270 images of 8 × 8 pixels, split by its own fixed seed
    var rng = new Rng(config.Seed);
    var model = new TensorMLP<double>(64, config.Layers, config.Activation, config.OutputActivation, config.Init, rng);
    var optimizer = new AdamW(model.Parameters(), config.LearningRate, config.Beta1, config.Beta2, config.Eps, config.WeightDecay)
    {
        Schedule = k => config.LearningRate * (1 - 0.9 * k / config.Steps),
    };
    var validation = Tensor<double>.FromArray([.. data.Validation.Inputs.SelectMany(row => row)], [data.Validation.Count, 64]);
    Console.WriteLine($"Digits: {data.Train.Count} training images, {data.Validation.Count} for validation; MLP(64, [128, 10]), AdamW, batches of {config.BatchSize}");

    var clock = Stopwatch.StartNew();
    Tensor<double> loss = Tensor<double>.Zeros([]);
    for (int k = 0; k < config.Steps; k++)
    {
        // a batch: the first 64 of a fresh shuffle, drawn as the Trainer draws it
        int[] order = [.. Enumerable.Range(0, data.Train.Count)];
        rng.Shuffle(order);
        var batch = data.Train.Select(order[..config.BatchSize!.Value]);
        var x = Tensor<double>.FromArray([.. batch.Inputs.SelectMany(row => row)], [batch.Count, 64]);

        // forward, loss
        loss = model.Forward(x).CrossEntropy([.. batch.Targets.Select(t => (int)t)]);

        // zero the gradients, backward, update
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();

        if (k % 100 == 0 || k == config.Steps - 1)
            Console.WriteLine($"step {k,3} loss {loss.Item():F6}, validation accuracy {100 * Accuracy(model, validation, data.Validation):F1}%");
    }
    double seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"Validation accuracy after {config.Steps} steps: {100 * Accuracy(model, validation, data.Validation):F1}%");
    Console.WriteLine($"  trained in {seconds:F1} s");

    var history = new Trainer(config).Run();
    Console.WriteLine($"new Trainer(Presets.Digits).Run(): last step's loss {history[^1].TrainLoss:F6}");
}

static double Accuracy(TensorMLP<double> model, Tensor<double> x, Dataset data)
{
    var logits = model.Forward(x).ToArray();
    int right = 0;
    for (int n = 0; n < data.Count; n++)
        if (OutputKinds.ArgMax<double>(logits.AsSpan(n * 10, 10)) == (int)data.Targets[n]) right++;
    return (double)right / data.Count;
}

static double Milliseconds(Action step, int times)
{
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < times; i++) step();
    return clock.Elapsed.TotalMilliseconds / times;
}

static int CountValues(Value root)
{
    var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance);
    var stack = new Stack<Value>([root]);
    while (stack.Count > 0)
        foreach (var child in stack.Pop().Children)
            if (seen.Add(child)) stack.Push(child);
    return seen.Count + 1;
}

static void Print(string name, double[] values, int rows, int columns) =>
    Console.WriteLine($"  {name,-24} [{string.Join(", ", Enumerable.Range(0, rows).Select(r => "[" + string.Join(", ", values.Skip(r * columns).Take(columns).Select(v => $"{v,7:F4}")) + "]"))}]");
