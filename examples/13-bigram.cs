#:project ../src/Micrograd/Micrograd.csproj
// Chapter 13: the bigram model, counted and then trained (docs/tutorial/13-bigram.md).
// Run from the repository root: dotnet run examples/13-bigram.cs
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Optim;
using Micrograd.Tensors;

var words = Words.ShippedNames();                     // makemore's names.txt, shipped inside the library
var vocabulary = Vocabulary.Of(words);                // a-z as tokens 1 to 26; token 0 is '.', start and end
int v = vocabulary.Size;
Console.WriteLine($"{words.Count} names: {string.Join(", ", words.Take(5))}, ...; {v} tokens: '.' and {vocabulary}");

// Every name, as the pairs of neighbouring tokens it holds: ".emma." gives .e em mm ma a.
var pairs = new List<(int First, int Second)>();
foreach (var word in words)
{
    int previous = 0;
    foreach (int token in (int[])[.. vocabulary.Encode(word), 0])
    {
        pairs.Add((previous, token));
        previous = token;
    }
}
int[] xs = [.. pairs.Select(p => p.First)], ys = [.. pairs.Select(p => p.Second)];

Counting();
Console.WriteLine();
var trained = GradientDescent();
Console.WriteLine();
SameLoss(trained);

// Part 1: count every pair into a 27 × 27 table, make each row sum to 1, sample from it and score it.
void Counting()
{
    var counts = Counts();
    Console.WriteLine($"Counting: {pairs.Count} pairs of neighbouring characters in {words.Count} names");
    var top = Enumerable.Range(0, v * v).OrderByDescending(k => counts[k / v, k % v]).Take(5);
    Console.WriteLine($"  the most common: {string.Join(", ", top.Select(k => $"{Char(k / v)}{Char(k % v)} {counts[k / v, k % v]}"))}");
    Console.WriteLine($"  a name starts with a {counts[0, 1]} times, ends with a {counts[1, 0]} times; q is followed by u {counts[17, 21]} times of {Row(counts, 17)}");

    var p = Probabilities(counts, smoothing: 1);
    Console.WriteLine($"  P(next | '.') for a, b, c: {p[0, 1]:F4} {p[0, 2]:F4} {p[0, 3]:F4}; the row sums to {Enumerable.Range(0, v).Sum(j => p[0, j]):F4}");

    var rng = new Rng(2147483647);
    var uniform = new double[v, v];
    for (int i = 0; i < v; i++) for (int j = 0; j < v; j++) uniform[i, j] = 1.0 / v;
    Console.WriteLine($"  10 names sampled from the counts:    {string.Join(" ", Enumerable.Range(0, 10).Select(_ => Sample(p, rng)))}");
    Console.WriteLine($"  5 names sampled from no knowledge:    {string.Join(" ", Enumerable.Range(0, 5).Select(_ => Sample(uniform, rng)))}");

    Console.WriteLine("  the likelihood of 'emma', pair by pair:");
    int previous = 0;
    foreach (int token in (int[])[.. vocabulary.Encode("emma"), 0])
    {
        Console.WriteLine($"    {Char(previous)}{Char(token)}  P = {p[previous, token]:F4}  log P = {Math.Log(p[previous, token]):F4}");
        previous = token;
    }
    Console.WriteLine($"  average negative log-likelihood over all {pairs.Count} pairs: {Nll(p):F4}");
    float sum32 = 0;                                        // the lecture's sum: float32, one pair after another
    foreach (var (a, b) in pairs) sum32 += MathF.Log((float)(counts[a, b] + 1) / (float)(Row(counts, a) + v));
    Console.WriteLine($"  the same sum in float32, one pair after another: {sum32:F4} / {pairs.Count} = {-sum32 / pairs.Count:F4}; in float64 it is {-Nll(p) * pairs.Count:F4}");
    Console.WriteLine($"  without the +1 smoothing: {Nll(Probabilities(counts, 0)):F4}; with +10: {Nll(Probabilities(counts, 10)):F4}; with +1000: {Nll(Probabilities(counts, 1000)):F4}; every next character equally likely: {Math.Log(v):F4}");
    var jq = Probabilities(counts, 0);
    Console.WriteLine($"  'andrejq' without smoothing: P(jq) = {jq[10, 17]:F4}, so its negative log-likelihood is {-Math.Log(jq[10, 17])}; with +1: {Nll(p, "andrejq"):F4}");
}

// Part 2: the same table as the weights of one linear layer, learned by gradient descent on the same pairs.
Tensor<double> GradientDescent()
{
    var rng = new Rng(2147483647);
    var w = Tensor<double>.Normal([v, v], 0, 1, rng, requiresGrad: true); // 27 neurons with 27 inputs each

    // One-hot inputs times W pick rows of W: Take picks them without the multiplications by zero.
    int[] five = xs[..5];
    var oneHot = Tensor<double>.Zeros([5, v]);
    var hot = oneHot.ToArray();
    for (int n = 0; n < 5; n++) hot[n * v + five[n]] = 1;
    oneHot = Tensor<double>.FromArray(hot, [5, v]);
    double[] byProduct = oneHot.MatMul(w).ToArray(), byTake = w.Take(five, [5]).ToArray();
    Console.WriteLine($"Gradient descent: W is [{v}, {v}], drawn normal(0, 1); one-hot(x)·W and W.Take(x) differ by at most {byProduct.Zip(byTake).Max(t => Math.Abs(t.First - t.Second))}");

    // Each step learns from a batch of pairs drawn at random: a cheaper, noisier estimate of the whole set's gradient.
    var optimizer = new Sgd([w], learningRate: 50);
    const int steps = 300, batchSize = 4096;
    double regularization = 0.01;
    var batchX = new int[batchSize];
    var batchY = new int[batchSize];
    for (int k = 0; k < steps; k++)
    {
        for (int n = 0; n < batchSize; n++) (batchX[n], batchY[n]) = pairs[rng.Below(pairs.Count)];

        // forward: the logits of the next character, then softmax and the negative log-likelihood in one op
        var logits = w.Take(batchX, [batchSize]);                                   // [4096, 27]: row x of W for each x
        var dataLoss = logits.CrossEntropy(batchY);
        var loss = dataLoss + regularization * (w * w).Mean();

        // zero the gradients, backward, update
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();

        if (k % 50 == 0 || k == steps - 1)
            Console.WriteLine($"  step {k,3}  batch loss {loss.Item():F4}  (negative log-likelihood {dataLoss.Item():F4})");
        loss.ReleaseGraph();
    }
    using (Tensor.NoGrad())
        Console.WriteLine($"  after {steps} steps of lr 50, on all {pairs.Count} pairs: negative log-likelihood {w.Take(xs, [xs.Length]).CrossEntropy(ys).Item():F4}");
    return w;
}

// Part 3: why both reach the same loss. The counts are where the gradient is zero.
void SameLoss(Tensor<double> trained)
{
    var counts = Counts();
    var logCounts = new double[v * v];
    for (int i = 0; i < v; i++) for (int j = 0; j < v; j++) logCounts[i * v + j] = Math.Log(counts[i, j]); // log 0 = -infinity
    var w = Tensor<double>.FromArray(logCounts, [v, v], requiresGrad: true);
    var loss = w.Take(xs, [xs.Length]).CrossEntropy(ys);
    loss.Backward();
    Console.WriteLine($"W = log(counts): loss {loss.Item():F4}, the largest |gradient| {w.Grad!.ToArray().Max(Math.Abs):0.0e+00}");

    var shifted = (double[])logCounts.Clone();
    for (int j = 0; j < v; j++) shifted[1 * v + j] += 5;   // row 'a' plus 5, row 'b' minus 3: softmax does not see it
    for (int j = 0; j < v; j++) shifted[2 * v + j] -= 3;
    using (Tensor.NoGrad())
        Console.WriteLine($"W = log(counts) + 5 in row a, - 3 in row b: loss {Tensor<double>.FromArray(shifted, [v, v]).Take(xs, [xs.Length]).CrossEntropy(ys).Item():F4}");

    var p = Probabilities(counts, smoothing: 1);
    double[] learned;
    using (Tensor.NoGrad()) learned = trained.Softmax(1).ToArray();
    Console.WriteLine("P(next | previous), counted (+1) and learned by gradient descent:");
    foreach (var (a, b) in new[] { (0, 1), (1, 0), (14, 1), (17, 21), (26, 0) })
        Console.WriteLine($"  {Char(a)}{Char(b)}  counted {p[a, b]:F4}  learned {learned[a * v + b]:F4}");
    var gaps = Enumerable.Range(0, v * v).Select(k => Math.Abs(p[k / v, k % v] - learned[k])).ToArray();
    Console.WriteLine($"  the 729 probabilities differ by {gaps.Average():F4} on average, at most {gaps.Max():F4}");
}

int[,] Counts()
{
    var counts = new int[v, v];
    foreach (var (first, second) in pairs) counts[first, second]++;
    return counts;
}

double[,] Probabilities(int[,] counts, double smoothing)
{
    var p = new double[v, v];
    for (int i = 0; i < v; i++)
    {
        double total = Row(counts, i) + smoothing * v;
        for (int j = 0; j < v; j++) p[i, j] = (counts[i, j] + smoothing) / total;
    }
    return p;
}

double Nll(double[,] p, string? word = null)
{
    var scored = word is null ? pairs : Pairs(word);
    return -scored.Sum(pair => Math.Log(p[pair.First, pair.Second])) / scored.Count;
}

List<(int First, int Second)> Pairs(string word)
{
    var tokens = (int[])[0, .. vocabulary.Encode(word), 0];
    return [.. tokens.Zip(tokens.Skip(1))];
}

// One name: start at '.', draw the next character from its row, until '.' comes again.
string Sample(double[,] p, Rng rng)
{
    var name = new List<int>();
    int token = 0;
    while (true)
    {
        double u = rng.Uniform(), run = 0;
        int next = v - 1;
        for (int j = 0; j < v; j++)
            if (u < (run += p[token, j])) { next = j; break; }
        if (next == 0) return name.Count == 0 ? "." : vocabulary.Decode([.. name]);
        name.Add(token = next);
    }
}

static int Row(int[,] counts, int i) => Enumerable.Range(0, counts.GetLength(1)).Sum(j => counts[i, j]);

char Char(int token) => token == 0 ? '.' : (char)vocabulary.Characters[token - 1].Value;
