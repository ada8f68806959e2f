namespace Micrograd;

/// <summary>The words of one enum, both ways. Every value has exactly one word; reading ignores case.</summary>
public sealed class NameTable<T> where T : struct, Enum
{
    private readonly (T Kind, string Name)[] _entries;
    private readonly string _what;

    internal NameTable(string what, params (T Kind, string Name)[] entries)
    {
        var unnamed = Enum.GetValues<T>().Where(k => entries.Count(e => e.Kind.Equals(k)) != 1).ToArray();
        if (unnamed.Length > 0)
            throw new InvalidOperationException($"Expected one word for every {typeof(T).Name}, got {unnamed.Length} without exactly one: {string.Join(", ", unnamed)}.");
        _what = what;
        _entries = entries;
        Names = entries.Select(e => e.Name).ToArray();
        Listed = Names.Count == 1 ? Names[0] : string.Join(", ", Names.Take(Names.Count - 1)) + " or " + Names[^1];
    }

    /// <summary>In the table's order, which help texts follow.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The words for a message: "sgd or adamw".</summary>
    public string Listed { get; }

    /// <exception cref="ArgumentOutOfRangeException">For a value the enum does not define.</exception>
    public string Of(T kind)
    {
        foreach (var (k, name) in _entries)
            if (k.Equals(kind)) return name;
        throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Expected {_what}, got the undefined value {kind}.");
    }

    /// <exception cref="ArgumentException">For a word not in the table: the message lists the known ones.</exception>
    public T Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"Expected {_what}: {Listed}; got '{name}'.");

    public bool TryParse(string? name, out T kind)
    {
        foreach (var (k, word) in _entries)
            if (string.Equals(word, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        kind = default;
        return false;
    }
}
