#:project ../src/Micrograd/Micrograd.csproj
// Chapter 16: attention and the transformer, from the ops up (docs/tutorial/16-attention-transformer.md).
// Run from the repository root: dotnet run examples/16-attention-transformer.cs
using System.Diagnostics;
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

var rng = new Rng(1337);

AveragingTrick();
Console.WriteLine();
Scaling();
Console.WriteLine();
OneHead();
Console.WriteLine();
BlockByHand();
Console.WriteLine();
Makemore();

// Step 1: every position averages itself and the positions before it, as one matrix product.
void AveragingTrick()
{
    const int t = 4, c = 2;
    var x = Tensor<double>.Normal([t, c], 0, 1, rng);
    var xs = x.ToArray();

    // with loops: row i of xbow is the mean of rows 0 to i of x
    var loops = new double[t * c];
    for (int i = 0; i < t; i++)
        for (int j = 0; j < c; j++)
        {
            for (int k = 0; k <= i; k++) loops[i * c + j] += xs[k * c + j] / (i + 1);
        }

    // with a matrix: the lower triangle of ones, each row divided by its sum
    var lower = new double[t * t];
    for (int i = 0; i < t; i++) for (int k = 0; k <= i; k++) lower[i * t + k] = 1.0 / (i + 1);
    var byProduct = Tensor<double>.FromArray(lower, [t, t]).MatMul(x).ToArray();

    // with softmax: zeros, -infinity above the diagonal (the future), softmax along each row
    var wei = Tensor<double>.Zeros([t, t]).MaskedFill(Future(t), [t, t], double.NegativeInfinity).Softmax(-1);
    var bySoftmax = wei.MatMul(x).ToArray();

    Console.WriteLine($"The averaging trick on x [{t}, {c}]: wei = zeros, -inf above the diagonal, softmax of each row:");
    Print("wei", wei.ToArray(), t, t);
    Print("x", xs, t, c);
    Print("wei·x", bySoftmax, t, c);
    Console.WriteLine($"  the same as the loops to {MaxDiff(loops, bySoftmax):0.0e+00}, as the triangle of 1/(i+1) to {MaxDiff(byProduct, bySoftmax):0.0e+00}");
}

// Step 2: why attention divides q·kᵀ by √(head size).
void Scaling()
{
    const int headSize = 16;
    var q = Tensor<double>.Normal([4, 8, headSize], 0, 1, rng);
    var k = Tensor<double>.Normal([4, 8, headSize], 0, 1, rng);
    var raw = q.MatMul(k.Transpose(-2, -1));
    var scaled = raw * (1 / Math.Sqrt(headSize));
    Console.WriteLine($"q and k of unit variance, head size {headSize}: var(q) {Variance(q):F2}, var(k) {Variance(k):F2}, var(q·kᵀ) {Variance(raw):F2}, var(q·kᵀ/√{headSize}) {Variance(scaled):F2}");
    var row = Tensor<double>.FromArray([0.1, -0.2, 0.3, -0.2, 0.5], [5]);
    Console.WriteLine($"  softmax([0.1, -0.2, 0.3, -0.2, 0.5])     = [{Join(row.Softmax(0).ToArray())}]");
    Console.WriteLine($"  softmax([0.1, -0.2, 0.3, -0.2, 0.5] × 8) = [{Join((row * 8.0).Softmax(0).ToArray())}]");
}

// Step 3: one head of self-attention. Each position sends a query, offers a key and a value.
void OneHead()
{
    const int b = 4, t = 8, c = 32, headSize = 16;
    var x = Tensor<double>.Normal([b, t, c], 0, 1, rng);
    var key = new Linear<double>(c, headSize, bias: false, rng: rng);
    var query = new Linear<double>(c, headSize, bias: false, rng: rng);
    var value = new Linear<double>(c, headSize, bias: false, rng: rng);
    var (k, q, v) = (key.Forward(x), query.Forward(x), value.Forward(x));      // each [4, 8, 16]
    var wei = q.MatMul(k.Transpose(-2, -1)) * (1 / Math.Sqrt(headSize));        // [4, 8, 8]: how much i wants j
    wei = wei.MaskedFill(Future(t), [t, t], double.NegativeInfinity).Softmax(-1); // not the future; rows sum to 1
    var output = wei.MatMul(v);                                                 // [4, 8, 16]
    Console.WriteLine($"One head on x [{b}, {t}, {c}], head size {headSize}: wei [{string.Join(", ", wei.Shape)}], output [{string.Join(", ", output.Shape)}]");
    Console.WriteLine("  the first sequence's attention weights (row i: how much position i takes from each position):");
    var w = wei.ToArray();
    for (int i = 0; i < t; i++) Console.WriteLine($"    [{Join(w[(i * t)..((i + 1) * t)])}]");
}

// Step 4: a whole transformer block by hand, from the weights of the library's TransformerBlock, and the same output.
void BlockByHand()
{
    const int b = 2, t = 8, c = 32, heads = 4, size = c / heads;
    var block = new TransformerBlock<double>(c, heads, blockSize: t, rng);
    var x = Tensor<double>.Normal([b, t, c], 0, 1, rng);
    var p = block.StateDict();

    // multi-head attention: each head attends in its own 8 dimensions; the heads side by side, then mixed
    Tensor<double> Attention(Tensor<double> input)
    {
        var qkv = input.Linear(p["attn.c_attn.weight"], p["attn.c_attn.bias"]);  // [B, T, 3C]: q, k, v of every head
        var outputs = new Tensor<double>[heads];
        for (int h = 0; h < heads; h++)
        {
            var q = qkv.Slice(2, h * size, size);
            var k = qkv.Slice(2, c + h * size, size);
            var v = qkv.Slice(2, 2 * c + h * size, size);
            var wei = q.MatMul(k.Transpose(-2, -1)) * (1 / Math.Sqrt(size));
            wei = wei.MaskedFill(Future(t), [t, t], double.NegativeInfinity).Softmax(-1);
            outputs[h] = wei.MatMul(v);                                         // [B, T, 8]
        }
        return Tensor<double>.Concat(outputs, -1).Linear(p["attn.c_proj.weight"], p["attn.c_proj.bias"]);
    }

    // the feed-forward part: each position on its own, four times as wide inside
    Tensor<double> FeedForward(Tensor<double> input) =>
        input.Linear(p["mlp.c_fc.weight"], p["mlp.c_fc.bias"]).Gelu(tanhApproximation: true).Linear(p["mlp.c_proj.weight"], p["mlp.c_proj.bias"]);

    // the block: communicate, then compute, each on a normalised copy added back to x (a residual connection)
    var y = x + Attention(x.LayerNorm(p["ln_1.weight"], p["ln_1.bias"]));
    y = y + FeedForward(y.LayerNorm(p["ln_2.weight"], p["ln_2.bias"]));

    var library = block.Forward(x);
    Console.WriteLine($"A block by hand (LayerNorm, {heads} heads of {size}, residual, LayerNorm, MLP, residual) on x [{b}, {t}, {c}], {block.ParameterCount} parameters:");
    Console.WriteLine($"  the largest difference from TransformerBlock.Forward: {MaxDiff(y.ToArray(), library.ToArray()):0.0e+00}");
}

// Step 5: makemore's transformer is these blocks between embeddings and a last Linear. Train a small one briefly.
void Makemore()
{
    var words = Words.ShippedNames();
    var (train, test) = CharDataset.Split(words, new Rng(3407));
    var config = new ModelConfig(train.Vocabulary.Size, train.OutputLength);
    var full = (Transformer<float>)LanguageModels.Create<float>(ModelType.Transformer, config, new Rng(3407));
    Console.WriteLine($"micrograd makemore's default transformer: block size {full.BlockSize}, {full.Trunk.Blocks.Count} blocks, {full.ParameterCount} parameters");

    var small = (Transformer<float>)LanguageModels.Create<float>(ModelType.Transformer, config with { NLayer = 2, NEmbd = 32 }, new Rng(3407));
    var optimizer = LanguageModels.Optimizer(small, learningRate: 1e-2);
    var batches = new Rng(3407);
    Console.WriteLine($"A small one, as `makemore --type transformer --n-layer 2 --n-embd 32 --learning-rate 1e-2` builds it: {small.ParameterCount} parameters");
    Console.WriteLine($"  before training: test loss {Evaluation.MeanLoss(small, test, new Rng(1), batchSize: 100, maxBatches: 10):F4}");
    const int steps = 400, batchSize = 32;
    var clock = Stopwatch.StartNew();
    for (int k = 0; k < steps; k++)
    {
        var rows = Enumerable.Range(0, batchSize).Select(_ => batches.Below(train.Count)).ToArray();
        var (x, y) = train.Batch<float>(rows);

        var loss = LanguageModel<float>.Loss(small.Forward(x), y);
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();

        if (k % 100 == 0 || k == steps - 1) Console.WriteLine($"  step {k,3}  loss {loss.Item():F4}");
        loss.ReleaseGraph();
    }
    Console.WriteLine($"  after {steps} steps: test loss {Evaluation.MeanLoss(small, test, new Rng(1), batchSize: 100, maxBatches: 10):F4}");
    Console.WriteLine($"  {steps} steps in {clock.Elapsed.TotalSeconds:F1} s");
    var samples = Sampling.Words(small, train, test, 12, new Rng(1));
    Console.WriteLine($"  12 samples: {string.Join(" ", samples.New.Concat(samples.InTrain).Concat(samples.InTest))} ({samples.New.Count} new)");
}

static bool[] Future(int t)
{
    var mask = new bool[t * t];
    for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) mask[i * t + j] = true;
    return mask;
}

static double Variance(Tensor<double> x)
{
    var values = x.ToArray();
    double mean = values.Average();
    return values.Sum(a => (a - mean) * (a - mean)) / (values.Length - 1);
}

static double MaxDiff(double[] a, double[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

static string Join(double[] values) => string.Join(", ", values.Select(v => $"{v:F4}"));

static void Print(string name, double[] values, int rows, int columns)
{
    for (int r = 0; r < rows; r++)
        Console.WriteLine($"  {(r == 0 ? name : ""),-6} [{Join(values[(r * columns)..((r + 1) * columns)])}]");
}
