using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;

namespace Micrograd.Language;

/// <summary>Samples sorted as makemore's <c>print_samples</c> sorts them: words of the training set, words of the
/// test set, and new words.</summary>
public sealed record SampledWords(IReadOnlyList<string> InTrain, IReadOnlyList<string> InTest, IReadOnlyList<string> New);

/// <summary>makemore's <c>generate</c> and <c>print_samples</c>, every draw from a seeded <see cref="Rng"/>.</summary>
public static class Sampling
{
    /// <summary>Completes each row of <paramref name="idx"/> (token sequences of equal length) by
    /// <paramref name="maxNewTokens"/> tokens, feeding each prediction back, as makemore's <c>generate</c>: the
    /// context is cropped to the model's block size, the last position's logits divided by
    /// <paramref name="temperature"/>, all but the <paramref name="topK"/> largest set to -infinity (ties with the
    /// k-th kept, as torch.topk's threshold does), then a token drawn from the softmax (or, without
    /// <paramref name="doSample"/>, the most likely one).</summary>
    /// <returns>The rows, each the given tokens followed by the new ones.</returns>
    /// <exception cref="ArgumentException">For rows of unequal or zero length, a temperature that is not
    /// positive, or a top-k outside [1, V].</exception>
    public static int[][] Generate<T>(LanguageModel<T> model, IReadOnlyList<int[]> idx, int maxNewTokens, Rng rng,
        double temperature = 1.0, bool doSample = true, int? topK = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(idx);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNewTokens);
        if (idx.Count == 0 || idx.Any(r => r is null || r.Length == 0 || r.Length != idx[0].Length))
            throw new ArgumentException("Expected one or more rows of tokens, all of the same length of 1 or more.", nameof(idx));
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"Expected a positive temperature, got {temperature}.");
        int v = model.VocabSize;
        if (topK is { } k && (k < 1 || k > v))
            throw new ArgumentOutOfRangeException(nameof(topK), k, $"Expected a top-k from 1 to the vocabulary size {v}, got {k}.");

        var rows = idx.Select(r => new List<int>(r)).ToArray();
        var p = new double[v];
        using (Tensor.NoGrad())
        {
            for (int step = 0; step < maxNewTokens; step++)
            {
                int length = rows[0].Count, t = Math.Min(length, model.BlockSize);
                var context = new int[rows.Length * t];
                for (int r = 0; r < rows.Length; r++) rows[r].CopyTo(length - t, context, r * t, t);
                var logits = model.Forward(CharDataset.TokenTensor<T>(context, [rows.Length, t]));
                var all = logits.ToArray();
                logits.ReleaseGraph();
                for (int r = 0; r < rows.Length; r++)
                {
                    var last = all.AsSpan(((r + 1) * t - 1) * v, v);
                    for (int j = 0; j < v; j++) p[j] = double.CreateChecked(last[j]) / temperature;
                    rows[r].Add(doSample ? Draw(p, topK, rng) : ArgMax(p));
                }
            }
        }
        return [.. rows.Select(r => r.ToArray())];
    }

    /// <summary>makemore's <c>print_samples</c>: <paramref name="count"/> words generated from the start token,
    /// each cropped at the first stop token, then sorted by whether <paramref name="train"/> or
    /// <paramref name="test"/> holds them.</summary>
    public static SampledWords Words<T>(LanguageModel<T> model, CharDataset train, CharDataset test, int count, Rng rng, int? topK = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var start = Enumerable.Range(0, count).Select(_ => new int[1]).ToArray();
        var rows = Generate(model, start, train.OutputLength - 1, rng, topK: topK); // -1: the start token is there already
        List<string> inTrain = [], inTest = [], isNew = [];
        foreach (var row in rows)
        {
            var tokens = row.AsSpan(1);
            int stop = tokens.IndexOf(0);
            string word = train.Vocabulary.Decode(stop < 0 ? tokens : tokens[..stop]);
            (train.Contains(word) ? inTrain : test.Contains(word) ? inTest : isNew).Add(word);
        }
        return new SampledWords(inTrain, inTest, isNew);
    }

    // Softmax over the logits left by top-k, then one draw: the first token whose running sum passes a uniform.
    private static int Draw(double[] logits, int? topK, Rng rng)
    {
        if (topK is { } k)
        {
            var sorted = (double[])logits.Clone();
            Array.Sort(sorted, (a, b) => b.CompareTo(a));
            double kth = sorted[k - 1];
            for (int j = 0; j < logits.Length; j++)
                if (logits[j] < kth) logits[j] = double.NegativeInfinity;
        }
        double max = logits.Max(), sum = 0;
        for (int j = 0; j < logits.Length; j++) sum += logits[j] = Math.Exp(logits[j] - max);
        double u = rng.Uniform() * sum, run = 0;
        int last = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            if (logits[j] == 0) continue;
            last = j;
            run += logits[j];
            if (u < run) return j;
        }
        return last; // rounding left u at the very top: the last token with any probability
    }

    private static int ArgMax(double[] x)
    {
        int best = 0;
        for (int j = 1; j < x.Length; j++)
            if (x[j] > x[best]) best = j;
        return best;
    }
}
