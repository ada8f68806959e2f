#:project ../src/Micrograd/Micrograd.csproj
// Chapter 14: the MLP language model of Bengio et al. 2003 (docs/tutorial/14-mlp-language-model.md).
// Run from the repository root: dotnet run examples/14-mlp-language-model.cs
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Optim;
using Micrograd.Tensors;

const int blockSize = 3;    // how many characters of context predict the next one
const int embedding = 10;   // the size of a character's embedding: a point in 10 dimensions
const int hidden = 200;     // tanh neurons in the hidden layer

var names = Words.ShippedNames().ToArray();
var vocabulary = Vocabulary.Of(names);
int v = vocabulary.Size;
new Rng(42).Shuffle(names);   // then 80% to learn from, 10% to tune by (dev), 10% to test once at the end
int n1 = (int)(0.8 * names.Length), n2 = (int)(0.9 * names.Length);
var (xTrain, yTrain) = Examples(names[..n1]);
var (xDev, yDev) = Examples(names[n1..n2]);
var (xTest, yTest) = Examples(names[n2..]);
Console.WriteLine($"{names.Length} names shuffled: {n1} to train on, {n2 - n1} for dev, {names.Length - n2} for test");
Console.WriteLine($"  examples of {blockSize} characters of context and the next: {yTrain.Length} train, {yDev.Length} dev, {yTest.Length} test");
Console.WriteLine("  the examples 'emma' makes:");
var (xEmma, yEmma) = Examples(["emma"]);
for (int n = 0; n < yEmma.Length; n++)
    Console.WriteLine($"    {Text(xEmma.AsSpan(n * blockSize, blockSize))} -> {Char(yEmma[n])}");
Console.WriteLine();

TakeAddsUp();
Console.WriteLine();

// The parameters, as in the lecture: C the embeddings, then a tanh layer and an output layer.
Tensor<double>[] Parameters(Rng rng) =>
[
    Tensor<double>.Normal([v, embedding], 0, 1, rng, requiresGrad: true),                                  // C
    Tensor<double>.Normal([blockSize * embedding, hidden], 0, 5.0 / 3 / Math.Sqrt(blockSize * embedding), rng, requiresGrad: true), // W1
    Tensor<double>.Normal([hidden], 0, 0.01, rng, requiresGrad: true),                                     // b1
    Tensor<double>.Normal([hidden, v], 0, 0.01, rng, requiresGrad: true),                                  // W2
    Tensor<double>.Zeros([v], requiresGrad: true),                                                         // b2
];

// The forward pass: look up each context character's embedding, put the three side by side, two layers.
Tensor<double> Logits(Tensor<double>[] p, int[] contexts)
{
    var (c, w1, b1, w2, b2) = (p[0], p[1], p[2], p[3], p[4]);
    int count = contexts.Length / blockSize;
    var emb = c.Take(contexts, [count, blockSize]);                       // [count, 3, 10]
    var h = (emb.Reshape(count, blockSize * embedding).MatMul(w1) + b1).Tanh(); // [count, 200]
    return h.MatMul(w2) + b2;                                              // [count, 27]
}

double Loss(Tensor<double>[] p, int[] x, int[] y)
{
    using (Tensor.NoGrad()) return Logits(p, x).CrossEntropy(y).Item();
}

// A step on a minibatch: 32 examples drawn at random.
double Step(Tensor<double>[] p, Sgd optimizer, Rng rng, int batchSize)
{
    var bx = new int[batchSize * blockSize];
    var by = new int[batchSize];
    for (int n = 0; n < batchSize; n++)
    {
        int i = rng.Below(yTrain.Length);
        Array.Copy(xTrain, i * blockSize, bx, n * blockSize, blockSize);
        by[n] = yTrain[i];
    }
    var loss = Logits(p, bx).CrossEntropy(by);
    optimizer.ZeroGrad();
    loss.Backward();
    optimizer.Step();
    double value = loss.Item();
    loss.ReleaseGraph();
    return value;
}

LearningRates();
Console.WriteLine();
var trained = Train();
Console.WriteLine();
Sample(trained);

// Find a learning rate: one run whose rate grows from 0.001 to 1 on a log scale; where is the loss lowest?
void LearningRates()
{
    const int steps = 1000;
    var rng = new Rng(2147483647);
    var p = Parameters(rng);
    var optimizer = new Sgd(p, learningRate: 1);
    var losses = new double[steps];
    for (int k = 0; k < steps; k++)
    {
        double exponent = -3 + 3.0 * k / (steps - 1);
        optimizer.LearningRate = Math.Pow(10, exponent);
        losses[k] = Step(p, optimizer, rng, 32);
    }
    Console.WriteLine($"Finding a learning rate: {steps} steps, the rate from 0.001 up to 1, ten times larger every {steps / 3} steps");
    Console.WriteLine("  learning rate   mean loss of the 100 steps around it");
    double bestRate = 0, bestLoss = double.MaxValue;
    for (int k = 50; k < steps; k += 100)
    {
        double rate = Math.Pow(10, -3 + 3.0 * k / (steps - 1));
        double mean = losses[Math.Max(0, k - 50)..Math.Min(steps, k + 50)].Average();
        Console.WriteLine($"  {rate,13:F4}   {mean:F4}");
        if (mean < bestLoss) (bestRate, bestLoss) = (rate, mean);
    }
    Console.WriteLine($"  the loss is lowest around a learning rate of {bestRate:F2}: 10^{Math.Log10(bestRate):F1}");

    // every step's rate and loss, for the picture of the chapter (tools/TutorialPictures draws it)
    Directory.CreateDirectory("out");
    File.WriteAllLines(Path.Combine("out", "14-learning-rates.csv"),
        ["exponent,loss", .. losses.Select((loss, k) => FormattableString.Invariant($"{-3 + 3.0 * k / (steps - 1):R},{loss:R}"))]);
    Console.WriteLine("  wrote out/14-learning-rates.csv");
}

// Train with the rate found, then a tenth of it at the end ("learning rate decay"); judge by the dev set.
Tensor<double>[] Train()
{
    const int steps = 12000, batchSize = 32;
    var rng = new Rng(2147483647);
    var p = Parameters(rng);
    Console.WriteLine($"Training: {p.Sum(t => t.Count)} parameters (C {v}×{embedding}, W1 {blockSize * embedding}×{hidden}, b1 {hidden}, W2 {hidden}×{v}, b2 {v}), batches of {batchSize}");
    Console.WriteLine($"  before training: dev loss {Loss(p, xDev, yDev):F4}");
    var optimizer = new Sgd(p, learningRate: 0.1);
    for (int k = 0; k < steps; k++)
    {
        if (k == steps * 3 / 4) optimizer.LearningRate = 0.01;
        double loss = Step(p, optimizer, rng, batchSize);
        if (k % 3000 == 0 || k == steps - 1)
            Console.WriteLine($"  step {k,5}  lr {optimizer.LearningRate:F2}  batch loss {loss:F4}  dev loss {Loss(p, xDev, yDev):F4}");
    }
    Console.WriteLine($"  after {steps} steps: train loss {Loss(p, xTrain, yTrain):F4}, dev loss {Loss(p, xDev, yDev):F4}, test loss {Loss(p, xTest, yTest):F4}");
    return p;
}

// Names from the trained model: start with '...', draw the next character from the softmax, slide the window.
void Sample(Tensor<double>[] p)
{
    var rng = new Rng(2147483657);
    var samples = new List<string>();
    for (int s = 0; s < 15; s++)
    {
        var context = new int[blockSize];
        var name = new List<int>();
        while (true)
        {
            double[] probabilities;
            using (Tensor.NoGrad()) probabilities = Logits(p, context).Softmax(1).ToArray();
            double u = rng.Uniform(), run = 0;
            int next = v - 1;
            for (int j = 0; j < v; j++)
                if (u < (run += probabilities[j])) { next = j; break; }
            if (next == 0) break;
            name.Add(next);
            context = [.. context[1..], next];
        }
        samples.Add(name.Count == 0 ? "." : vocabulary.Decode([.. name]));
    }
    Console.WriteLine($"15 names from the trained model: {string.Join(" ", samples)}");
    Console.WriteLine($"  {samples.Count(n => names.AsSpan(0, n1).Contains(n))} of them are in the training set");
}

// The embedding's backward: a row taken twice gets both gradients, added: chapter 5's +=, on whole rows.
void TakeAddsUp()
{
    var c = Tensor<double>.FromArray([.. Enumerable.Range(0, v * 2).Select(i => i / 10.0)], [v, 2], requiresGrad: true);
    int[] tokens = vocabulary.Encode("emma");                // e, m, m, a: row 13 (m) is taken twice
    var rows = c.Take(tokens, [tokens.Length]);              // [4, 2]
    rows.Sum().Backward();
    var grad = c.Grad!.ToArray();
    Console.WriteLine($"C.Take(emma) summed, then Backward: C.Grad row e = [{grad[5 * 2]}, {grad[5 * 2 + 1]}], row m = [{grad[13 * 2]}, {grad[13 * 2 + 1]}], row a = [{grad[1 * 2]}, {grad[1 * 2 + 1]}], row z = [{grad[26 * 2]}, {grad[26 * 2 + 1]}]");
}

// Every example of the words: the last blockSize tokens (0 = '.' before the start) and the token after them.
(int[] X, int[] Y) Examples(IEnumerable<string> words)
{
    List<int> x = [], y = [];
    foreach (var word in words)
    {
        var context = new int[blockSize];
        foreach (int token in (int[])[.. vocabulary.Encode(word), 0])
        {
            x.AddRange(context);
            y.Add(token);
            context = [.. context[1..], token];
        }
    }
    return ([.. x], [.. y]);
}

string Text(ReadOnlySpan<int> tokens)
{
    var text = new char[tokens.Length];
    for (int i = 0; i < tokens.Length; i++) text[i] = Char(tokens[i]);
    return new string(text);
}

char Char(int token) => token == 0 ? '.' : (char)vocabulary.Characters[token - 1].Value;
