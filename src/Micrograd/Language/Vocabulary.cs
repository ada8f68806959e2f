using System.Text;

namespace Micrograd.Language;

/// <summary>makemore's characters and tokens: the characters seen, sorted by code point; character i is token
/// i + 1, and token 0 marks both the start and the end of a word.</summary>
public sealed class Vocabulary
{
    private readonly Rune[] _characters;
    private readonly Dictionary<Rune, int> _tokens;

    /// <exception cref="ArgumentException">When a character is repeated.</exception>
    public Vocabulary(IEnumerable<Rune> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        _characters = [.. characters.Order()];
        _tokens = [];
        for (int i = 0; i < _characters.Length; i++)
            if (!_tokens.TryAdd(_characters[i], i + 1))
                throw new ArgumentException($"Expected each character once, got '{_characters[i]}' twice.", nameof(characters));
    }

    /// <summary>Every character that appears in <paramref name="words"/>.</summary>
    public static Vocabulary Of(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var seen = new HashSet<Rune>();
        foreach (var w in words) seen.UnionWith(w.EnumerateRunes());
        return new Vocabulary(seen);
    }

    /// <summary>The characters in token order (token 1 first).</summary>
    public IReadOnlyList<Rune> Characters => _characters;

    /// <summary>The number of tokens: the characters plus the start/stop token 0.</summary>
    public int Size => _characters.Length + 1;

    /// <summary>The characters side by side, as makemore prints its vocabulary.</summary>
    public override string ToString() => string.Concat(_characters.Select(c => c.ToString()));

    /// <exception cref="ArgumentException">For a character outside the vocabulary.</exception>
    public int[] Encode(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var tokens = new List<int>(word.Length);
        foreach (var rune in word.EnumerateRunes())
            tokens.Add(_tokens.TryGetValue(rune, out int t) ? t
                : throw new ArgumentException($"Expected characters of the vocabulary ({this}), got '{rune}' in '{word}'.", nameof(word)));
        return [.. tokens];
    }

    /// <exception cref="ArgumentException">For a token that is no character (0, or V and above).</exception>
    public string Decode(ReadOnlySpan<int> tokens)
    {
        var text = new StringBuilder(tokens.Length);
        foreach (int t in tokens)
            text.Append((t >= 1 && t <= _characters.Length ? _characters[t - 1]
                : throw new ArgumentException($"Expected character tokens from 1 to {_characters.Length}, got {t}.", nameof(tokens))).ToString());
        return text.ToString();
    }
}
