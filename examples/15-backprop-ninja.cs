#:project ../src/Micrograd/Micrograd.csproj
// Chapter 15: becoming a backprop ninja, every gradient of the MLP language model by hand (docs/tutorial/15-backprop-ninja.md).
// Run from the repository root: dotnet run examples/15-backprop-ninja.cs
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Optim;
using Micrograd.Tensors;

const int blockSize = 3, embedding = 10, hidden = 64, n = 32; // n: the batch
var names = Words.ShippedNames().ToArray();
var vocabulary = Vocabulary.Of(names);
int v = vocabulary.Size;
var (xs, ys) = Examples(names);
var rng = new Rng(42);

// The parameters, small and random (biases too, so that a wrong gradient cannot hide behind a zero).
var c = Tensor<double>.Normal([v, embedding], 0, 1, rng, requiresGrad: true);
var w1 = Tensor<double>.Normal([blockSize * embedding, hidden], 0, 5.0 / 3 / Math.Sqrt(blockSize * embedding), rng, requiresGrad: true);
var b1 = Tensor<double>.Normal([hidden], 0, 0.1, rng, requiresGrad: true);
var w2 = Tensor<double>.Normal([hidden, v], 0, 0.1, rng, requiresGrad: true);
var b2 = Tensor<double>.Normal([v], 0, 0.1, rng, requiresGrad: true);
var bnGain = Tensor<double>.Normal([hidden], 1, 0.1, rng, requiresGrad: true);
var bnBias = Tensor<double>.Normal([hidden], 0, 0.1, rng, requiresGrad: true);
Tensor<double>[] parameters = [c, w1, b1, w2, b2, bnGain, bnBias];

var (bx, by) = Batch(rng);
var f = Forward(bx, by);
f.Loss.Backward();
Console.WriteLine($"The MLP language model on a batch of {n}: embedding, concatenation, Linear, batch norm, tanh, Linear, cross-entropy");
Console.WriteLine($"  {parameters.Sum(p => p.Count)} parameters; loss {f.Loss.Item():F6}");
Console.WriteLine();

var g = ByHand(f, bx, by);
Console.WriteLine("Each gradient by hand, against the engine's Backward (float64):");
Console.WriteLine("  gradient    shape        max |by hand - Backward|");
Compare("dlogits", g.Logits, f.Logits);
Compare("dh", g.H, f.H);
Compare("dW2", g.W2, w2);
Compare("db2", g.B2, b2);
Compare("dhpreact", g.HPreact, f.HPreact);
Compare("dbngain", g.BnGain, bnGain);
Compare("dbnbias", g.BnBias, bnBias);
Compare("dhprebn", g.HPrebn, f.HPrebn);
Compare("dembcat", g.EmbCat, f.EmbCat);
Compare("dW1", g.W1, w1);
Compare("db1", g.B1, b1);
Compare("demb", g.Emb, f.Emb);
Compare("dC", g.C, c);
Console.WriteLine();

TrainByHand();

// The forward pass, one small op per line, as the lecture writes it; the intermediates keep their gradients.
Pass Forward(int[] x, int[] y)
{
    var emb = c.Take(x, [n, blockSize]);                                       // [32, 3, 10]
    var embCat = emb.Reshape(n, blockSize * embedding);                          // [32, 30]
    var hPrebn = embCat.MatMul(w1) + b1;                                         // [32, 64]
    var bnMean = hPrebn.Mean(0, keepDims: true);                                 // [1, 64]
    var bnDiff = hPrebn - bnMean;
    var bnVar = (bnDiff * bnDiff).Sum(0, keepDims: true) * (1.0 / (n - 1));      // Bessel's n - 1, as the lecture
    var bnVarInv = (bnVar + 1e-5).Pow(-0.5);
    var bnRaw = bnDiff * bnVarInv;                                               // each column: mean 0, variance 1
    var hPreact = bnGain * bnRaw + bnBias;
    var h = hPreact.Tanh();                                                      // [32, 64]
    var logits = h.MatMul(w2) + b2;                                              // [32, 27]
    var loss = logits.CrossEntropy(y);
    foreach (var t in new[] { emb, embCat, hPrebn, hPreact, h, logits }) t.RetainGrad();
    return new Pass(emb, embCat, hPrebn, bnVarInv, bnRaw, hPreact, h, logits, loss);
}

// The backward pass by hand, in tensors, from the last op to the first. Nothing here records a graph.
Grads ByHand(Pass f, int[] x, int[] y)
{
    using var noGrad = Tensor.NoGrad();

    // cross-entropy: the mean over the batch of -log softmax(logits)[y], so dlogits = (softmax - one-hot(y)) / n
    var dLogits = (f.Logits.Softmax(1) - OneHot(y, v)) * (1.0 / n);

    // logits = h·W2 + b2: chapter 12's linear layer
    var dH = dLogits.MatMul(w2.Transpose());
    var dW2 = f.H.Transpose().MatMul(dLogits);
    var dB2 = dLogits.Sum(0);

    // h = tanh(hpreact): chapter 4's 1 - tanh²
    var dHPreact = (1.0 - f.H * f.H) * dH;

    // hpreact = bngain·bnraw + bnbias: a product and a broadcast, whose backward is a sum over the batch
    var dBnGain = (f.BnRaw * dHPreact).Sum(0);
    var dBnBias = dHPreact.Sum(0);

    // batch norm, all of it at once: every output of a column depends on every input of that column
    var dHPrebn = bnGain * f.BnVarInv * (1.0 / n)
        * (n * dHPreact - dHPreact.Sum(0, keepDims: true) - n / (n - 1.0) * f.BnRaw * (dHPreact * f.BnRaw).Sum(0, keepDims: true));

    // hprebn = embcat·W1 + b1: the linear layer again
    var dEmbCat = dHPrebn.MatMul(w1.Transpose());
    var dW1 = f.EmbCat.Transpose().MatMul(dHPrebn);
    var dB1 = dHPrebn.Sum(0);

    // embcat is emb seen as [32, 30]: the gradient is only seen back as [32, 3, 10]
    var dEmb = dEmbCat.Reshape(n, blockSize, embedding);

    // emb = C.Take(x): each row of C gets the sum of the gradients of every place it was taken (scatter-add)
    var dC = OneHot(x, v).Transpose().MatMul(dEmb.Reshape(n * blockSize, embedding));

    return new Grads(dLogits, dH, dW2, dB2, dHPreact, dBnGain, dBnBias, dHPrebn, dEmbCat, dW1, dB1, dEmb, dC);
}

// The lecture's last exercise: train with the hand-written backward alone, beside the engine's, from the same start.
void TrainByHand()
{
    const int steps = 300;
    var start = parameters.Select(p => p.ToArray()).ToArray();
    double[] Run(bool byHand)
    {
        for (int i = 0; i < parameters.Length; i++) parameters[i].CopyFrom(start[i]);
        var batches = new Rng(7);
        var optimizer = new Sgd(parameters, learningRate: 0.1);
        var losses = new double[steps];
        for (int k = 0; k < steps; k++)
        {
            var (x, y) = Batch(batches);
            var pass = Forward(x, y);
            optimizer.ZeroGrad();
            if (byHand)
            {
                var grads = ByHand(pass, x, y);
                Tensor<double>[] mine = [grads.C, grads.W1, grads.B1, grads.W2, grads.B2, grads.BnGain, grads.BnBias];
                using (Tensor.NoGrad())
                    for (int i = 0; i < parameters.Length; i++)
                        parameters[i].CopyFrom([.. parameters[i].ToArray().Zip(mine[i].ToArray(), (p, d) => p - 0.1 * d)]);
            }
            else
            {
                pass.Loss.Backward();
                optimizer.Step();
            }
            losses[k] = pass.Loss.Item();
        }
        return losses;
    }
    var engine = Run(byHand: false);
    var hand = Run(byHand: true);
    Console.WriteLine($"Training {steps} steps with the gradients by hand, and with Backward, from the same weights and batches:");
    foreach (int k in new[] { 0, 100, 200, steps - 1 })
        Console.WriteLine($"  step {k,3}  loss by hand {hand[k]:F6}  with Backward {engine[k]:F6}");
    Console.WriteLine($"  the largest difference of the two losses over the {steps} steps: {engine.Zip(hand).Max(t => Math.Abs(t.First - t.Second)):0.0e+00}");
}

void Compare(string name, Tensor<double> byHand, Tensor<double> node)
{
    double[] mine = byHand.ToArray(), engine = node.Grad!.ToArray();
    if (mine.Length != engine.Length) throw new InvalidOperationException($"{name}: {mine.Length} numbers by hand, {engine.Length} from Backward.");
    double diff = mine.Zip(engine).Max(t => Math.Abs(t.First - t.Second));
    Console.WriteLine($"  {name,-10}  {"[" + string.Join(", ", node.Shape) + "]",-11}  {diff:0.0e+00}");
}

(int[] X, int[] Y) Batch(Rng r)
{
    var x = new int[n * blockSize];
    var y = new int[n];
    for (int k = 0; k < n; k++)
    {
        int i = r.Below(ys.Length);
        Array.Copy(xs, i * blockSize, x, k * blockSize, blockSize);
        y[k] = ys[i];
    }
    return (x, y);
}

static Tensor<double> OneHot(int[] indices, int classes)
{
    var values = new double[indices.Length * classes];
    for (int i = 0; i < indices.Length; i++) values[i * classes + indices[i]] = 1;
    return Tensor<double>.FromArray(values, [indices.Length, classes]);
}

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

sealed record Pass(Tensor<double> Emb, Tensor<double> EmbCat, Tensor<double> HPrebn, Tensor<double> BnVarInv, Tensor<double> BnRaw,
    Tensor<double> HPreact, Tensor<double> H, Tensor<double> Logits, Tensor<double> Loss);

sealed record Grads(Tensor<double> Logits, Tensor<double> H, Tensor<double> W2, Tensor<double> B2, Tensor<double> HPreact, Tensor<double> BnGain,
    Tensor<double> BnBias, Tensor<double> HPrebn, Tensor<double> EmbCat, Tensor<double> W1, Tensor<double> B1, Tensor<double> Emb, Tensor<double> C);
