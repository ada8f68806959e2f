using Micrograd.Data;
using Micrograd.Language;

namespace Micrograd.Tests.Language;

/// <summary>Sampling as makemore's generate and print_samples: reproducible by seed, top-k as torch.topk's cut.</summary>
public class SamplingTests
{
    private static (CharDataset Train, CharDataset Test) Data() =>
        CharDataset.Split(["ab", "ba", "abc", "cab", "bca", "aa", "bb", "cc", "abcab", "c", "acb", "bac"], new Rng(2));

    [Theory]
    [InlineData(ModelType.Bigram)]
    [InlineData(ModelType.Transformer)]
    public void The_same_seed_gives_the_same_samples(ModelType type)
    {
        var (train, test) = Data();
        var model = LanguageModels.Create<float>(type, new ModelConfig(train.Vocabulary.Size, train.OutputLength, 1, 8, 8, 2), new Rng(4));
        var a = Sampling.Words(model, train, test, 20, new Rng(9));
        var b = Sampling.Words(model, train, test, 20, new Rng(9));
        var c = Sampling.Words(model, train, test, 20, new Rng(10));
        Assert.Equal(a, b, Same);
        Assert.NotEqual(Flat(a), Flat(c));
        Assert.Equal(20, Flat(a).Count());
        Assert.All(a.InTrain, w => Assert.True(train.Contains(w)));
        Assert.All(a.InTest, w => Assert.True(test.Contains(w) && !train.Contains(w)));
        Assert.All(a.New, w => Assert.True(!test.Contains(w) && !train.Contains(w)));
    }

    [Fact]
    public void Top_k_keeps_only_the_k_most_likely_tokens_and_words_end_at_the_stop_token()
    {
        var (train, test) = Data();
        var model = new Bigram<double>(train.Vocabulary.Size);   // V = 4: stop, a, b, c
        // after the start token: c (3) most likely, then a (1), then stop, then b; after a letter: stop, then a
        model.Logits.CopyFrom(new double[] { -1, 2, -3, 3, /* a */ 5, 0, -1, -2, /* b */ 5, 0, -1, -2, /* c */ 5, 0, -1, -2 });
        var one = Sampling.Generate(model, [[0], [0]], 1, new Rng(3), topK: 1);
        Assert.Equal([[0, 3], [0, 3]], one);                       // top-1 is the argmax
        var greedy = Sampling.Generate(model, [[0]], 1, new Rng(3), doSample: false);
        Assert.Equal([[0, 3]], greedy);
        var two = Sampling.Generate(model, [.. Enumerable.Range(0, 400).Select(_ => new[] { 0 })], 1, new Rng(3), topK: 2);
        var seen = two.Select(r => r[1]).ToHashSet();
        Assert.Equal([1, 3], seen.Order());                       // only a and c, never the stop token or b
        int cs = two.Count(r => r[1] == 3);
        Assert.InRange(cs, 400 * 0.73 - 40, 400 * 0.73 + 40);     // e^3 / (e^3 + e^2) = 0.73
        var words = Sampling.Words(model, train, test, 50, new Rng(5), topK: 2);
        Assert.All(Flat(words), w => Assert.Matches("^[ac]a*$", w)); // a or c first, then a until the stop token ends it
    }

    [Fact]
    public void Generate_crops_the_context_to_the_block_size()
    {
        var model = LanguageModels.Create<double>(ModelType.Bow, new ModelConfig(5, 3, 1, 4, 4, 2), new Rng(1));
        var rows = Sampling.Generate(model, [[0, 1, 2, 3]], 6, new Rng(1)); // BoW refuses more than 3 tokens at once
        Assert.Equal(10, rows[0].Length);
        Assert.Equal([0, 1, 2, 3], rows[0][..4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Generate(model, [[0]], 1, new Rng(1), topK: 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Generate(model, [[0]], 1, new Rng(1), topK: 0));
    }

    private static IEnumerable<string> Flat(SampledWords s) => s.InTrain.Concat(s.InTest).Concat(s.New);

    private static bool Same(SampledWords x, SampledWords y) =>
        x.InTrain.SequenceEqual(y.InTrain) && x.InTest.SequenceEqual(y.InTest) && x.New.SequenceEqual(y.New);
}
