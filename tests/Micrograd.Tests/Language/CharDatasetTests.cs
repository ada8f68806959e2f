using Micrograd.Data;
using Micrograd.Language;

namespace Micrograd.Tests.Language;

/// <summary>CharDataset's examples are makemore's (x, y) and its split is makemore's in sizes.</summary>
public class CharDatasetTests
{
    [Fact]
    public void Examples_are_makemores_start_token_word_stop_token_and_masked_targets()
    {
        var f = MakemoreFixture.Data;
        var words = f.Words;
        var dataset = new CharDataset(words, Vocabulary.Of(words), words.Max(w => w.Length));
        Assert.Equal(f.VocabSize, dataset.Vocabulary.Size);
        Assert.Equal(f.BlockSize, dataset.OutputLength);
        var (x, y) = dataset.Batch<double>(f.Rows);
        Assert.Equal(f.BatchShape, x.Shape);
        Assert.Equal(f.X, x.ToArray().Select(v => (int)v));       // made by makemore's own CharDataset
        Assert.Equal(f.Y, y);
    }

    [Theory]
    [InlineData(32_032, 1000)]
    [InlineData(9_999, 999)]
    [InlineData(25, 2)]
    [InlineData(10, 1)]
    public void The_test_set_is_a_tenth_rounded_down_and_at_most_1000(int count, int testSize)
    {
        var words = Enumerable.Range(0, count).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (train, test) = CharDataset.Split(words, new Rng(3407));
        Assert.Equal(testSize, test.Count);
        Assert.Equal(count - testSize, train.Count);
        Assert.Equal(words.Order(), train.Words.Concat(test.Words).Order());   // every word once
        Assert.Same(train.Vocabulary, test.Vocabulary);
        Assert.Equal(words.Max(w => w.Length), test.MaxWordLength);
    }

    [Fact]
    public void The_split_is_seeded()
    {
        var names = Words.ShippedNames();
        var (a, _) = CharDataset.Split(names, new Rng(3407));
        var (b, _) = CharDataset.Split(names, new Rng(3407));
        var (c, _) = CharDataset.Split(names, new Rng(3408));
        Assert.Equal(a.Words, b.Words);
        Assert.NotEqual(a.Words, c.Words);
        Assert.Equal(27, a.Vocabulary.Size);
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", a.Vocabulary.ToString());
    }

    [Fact]
    public void Contains_finds_exactly_the_words_of_the_set()
    {
        var (train, test) = CharDataset.Split([.. Enumerable.Range(0, 20).Select(i => new string('a', i + 1))], new Rng(1));
        foreach (var w in train.Words) Assert.True(train.Contains(w) && !test.Contains(w));
        Assert.False(train.Contains("b"));
    }
}
