using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;

namespace Micrograd.Language;

/// <summary>makemore's CharDataset: words as examples of <see cref="OutputLength"/> tokens. Example x is the
/// start token then the word's tokens, then zeros; y is x moved one place left (the word, then the stop token 0),
/// with -1 after the stop token, where no prediction counts.</summary>
public sealed class CharDataset
{
    private readonly string[] _words;
    private readonly HashSet<string> _set;

    /// <exception cref="ArgumentException">When a word is longer than <paramref name="maxWordLength"/> or has a
    /// character outside the vocabulary.</exception>
    public CharDataset(IReadOnlyList<string> words, Vocabulary vocabulary, int maxWordLength)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWordLength);
        _words = [.. words];
        Vocabulary = vocabulary;
        MaxWordLength = maxWordLength;
        Tokens = [.. _words.Select(w => vocabulary.Encode(w))];
        if (Tokens.Select((t, i) => (t, i)).FirstOrDefault(p => p.t.Length > maxWordLength) is { t: not null } tooLong)
            throw new ArgumentException($"Expected words of at most {maxWordLength} characters, got '{_words[tooLong.i]}'.", nameof(words));
        _set = [.. _words];
    }

    /// <summary>makemore's <c>create_datasets</c>: one vocabulary and longest word for both sets, then a shuffle
    /// and min(1000, 10%) of the words (rounded down) for the test set, the rest for training.</summary>
    /// <remarks>makemore permutes with <c>torch.randperm</c>; here <paramref name="rng"/> shuffles (Fisher-Yates),
    /// so the same seed splits differently from makemore, though every seed splits the same way each time.</remarks>
    /// <exception cref="ArgumentException">For fewer than <see cref="Language.Words.MinWords"/> words, or an empty word.</exception>
    public static (CharDataset Train, CharDataset Test) Split(IReadOnlyList<string> words, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(rng);
        if (words.Count < Language.Words.MinWords) throw new ArgumentException($"Expected at least {Language.Words.MinWords} words, got {words.Count}.", nameof(words));
        if (words.Any(string.IsNullOrEmpty)) throw new ArgumentException("Expected words of at least one character, got an empty one.", nameof(words));
        var vocabulary = Vocabulary.Of(words);
        int longest = words.Max(w => w.EnumerateRunes().Count());
        int testSize = Math.Min(1000, (int)(words.Count * 0.1));
        var order = Enumerable.Range(0, words.Count).ToArray();
        rng.Shuffle(order);
        int trainSize = words.Count - testSize;
        return (new CharDataset([.. order[..trainSize].Select(i => words[i])], vocabulary, longest),
                new CharDataset([.. order[trainSize..].Select(i => words[i])], vocabulary, longest));
    }

    public IReadOnlyList<string> Words => _words;

    public int Count => _words.Length;

    public Vocabulary Vocabulary { get; }

    public int MaxWordLength { get; }

    /// <summary>makemore's <c>get_output_length()</c>: the start token then the longest word, and the block size
    /// of its models.</summary>
    public int OutputLength => MaxWordLength + 1;

    /// <summary>Each word's tokens, without the start and stop token.</summary>
    public IReadOnlyList<int[]> Tokens { get; }

    public bool Contains(string word) => _set.Contains(word);

    /// <summary>Example <paramref name="index"/> into <paramref name="x"/> and <paramref name="y"/>, each
    /// <see cref="OutputLength"/> long.</summary>
    public void Example(int index, Span<int> x, Span<int> y)
    {
        int n = OutputLength;
        if (x.Length != n || y.Length != n) throw new ArgumentException($"Expected spans of {n} tokens, got {x.Length} and {y.Length}.");
        var ix = Tokens[index];
        x.Clear();
        y.Clear();
        ix.CopyTo(x[1..]);
        ix.CopyTo(y);
        y[(ix.Length + 1)..].Fill(-1); // index -1 masks the loss at the inactive places
    }

    /// <summary>The examples of <paramref name="rows"/>, one after another: the inputs as a [rows, L] tensor of
    /// token indices, the targets as L numbers per row.</summary>
    public (Tensor<T> X, int[] Y) Batch<T>(IReadOnlyList<int> rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = OutputLength;
        var x = new int[rows.Count * n];
        var y = new int[rows.Count * n];
        for (int r = 0; r < rows.Count; r++) Example(rows[r], x.AsSpan(r * n, n), y.AsSpan(r * n, n));
        return (TokenTensor<T>(x, [rows.Count, n]), y);
    }

    /// <summary>Token indices as the whole numbers of a tensor, the form a model's Forward takes.</summary>
    public static Tensor<T> TokenTensor<T>(int[] tokens, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var values = new T[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) values[i] = T.CreateChecked(tokens[i]);
        return new Tensor<T>(values, (int[])shape.Clone(), false);
    }
}
