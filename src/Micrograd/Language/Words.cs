using System.Text;
using Micrograd.Data;

namespace Micrograd.Language;

/// <summary>Reads a text file of one item per line as makemore's <c>create_datasets</c> does: Python's
/// <c>splitlines()</c>, each line stripped of white space, empty lines dropped. Within limits that keep a
/// model and its batches small, each reported in one line naming the file.</summary>
/// <remarks>Beside makemore: the text must be UTF-8 (a leading byte-order mark is dropped rather than read as a
/// character), and characters are Unicode code points, as Python's.</remarks>
public static class Words
{
    /// <summary>16 MiB: names.txt is 228 KB, a dictionary of English words about 4 MB.</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>In characters (code points) after stripping: the model's block size is one more, and
    /// attention's cost grows with its square.</summary>
    public const int MaxWordLength = 128;

    /// <summary>Distinct characters; the vocabulary is one more (the start/stop token).</summary>
    public const int MaxCharacters = 500;

    public const int MaxWords = 1_000_000;

    /// <summary>One in ten words goes to the test set, so ten make a test set of one.</summary>
    public const int MinWords = 10;

    /// <summary>makemore's names.txt (32,033 names), embedded in the library; see Language/Shipped/README.md.</summary>
    public const string ShippedNamesFile = "names.txt";

    /// <summary>The words of <see cref="ShippedNamesFile"/>.</summary>
    public static IReadOnlyList<string> ShippedNames()
    {
        using var resource = typeof(Words).Assembly.GetManifestResourceStream("Micrograd.Language." + ShippedNamesFile)
            ?? throw new InvalidOperationException($"The library lacks its embedded file {ShippedNamesFile}: a broken build.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return Parse(bytes.ToArray(), ShippedNamesFile);
    }

    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    /// <exception cref="WordsFormatException">When the file breaks a limit or holds no usable line.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such file: {path}", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = BoundedRead.All(stream, MaxFileBytes, size =>
            new WordsFormatException($"{path}: expected a file of at most {MaxFileBytes:N0} bytes, got {(size is { } s ? $"{s:N0} bytes" : "more")}."));
        return Parse(bytes, path);
    }

    /// <summary>The words of UTF-8 <paramref name="bytes"/>; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="WordsFormatException">When the text breaks a limit or holds no usable line.</exception>
    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> bytes, string source = "the text")
    {
        if (bytes.Length > MaxFileBytes) throw new WordsFormatException($"{source}: expected at most {MaxFileBytes:N0} bytes, got {bytes.Length:N0}.");
        if (bytes.IsEmpty) throw new WordsFormatException($"{source} is empty: expected one word per line.");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new WordsFormatException($"{source}: expected UTF-8 text, got an invalid byte{(e.Index >= 0 ? $" at offset {e.Index:N0}" : "")}.");
        }
        return Parse(text.StartsWith('\uFEFF') ? text[1..] : text, source);
    }

    /// <exception cref="WordsFormatException">When the text breaks a limit or holds no usable line.</exception>
    public static IReadOnlyList<string> Parse(string text, string source = "the text")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new WordsFormatException($"{source} is empty: expected one word per line.");
        var words = new List<string>();
        var characters = new HashSet<Rune>();
        int lineNumber = 0;
        foreach (var line in Lines(text))
        {
            lineNumber++;
            string word = Strip(line);
            if (word.Length == 0) continue;
            int length = 0;
            foreach (var rune in word.EnumerateRunes())
            {
                length++;
                if (characters.Add(rune) && characters.Count > MaxCharacters)
                    throw new WordsFormatException($"{source}: expected at most {MaxCharacters:N0} distinct characters (the vocabulary), got more by line {lineNumber:N0}.");
            }
            if (length > MaxWordLength)
                throw new WordsFormatException($"{source}, line {lineNumber:N0}: expected a word of at most {MaxWordLength} characters, got {length:N0}.");
            if (words.Count == MaxWords)
                throw new WordsFormatException($"{source}: expected at most {MaxWords:N0} words (non-empty lines), got more.");
            words.Add(word);
        }
        if (words.Count == 0) throw new WordsFormatException($"{source} has no usable line: expected one word per line, got only empty or blank lines.");
        if (words.Count < MinWords)
            throw new WordsFormatException($"{source}: expected at least {MinWords} words (one in ten goes to the test set), got {words.Count}.");
        return words;
    }

    /// <summary>Python's <c>str.splitlines()</c>: lines end at \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85,
    /// \u2028 and \u2029; no empty last line after a final line break.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsLineBreak(c)) continue;
            yield return text[start..i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>Python's <c>str.strip()</c>: white space is .NET's plus \x1c to \x1f, as Python's isspace.</summary>
    public static string Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int start = 0, end = line.Length;
        while (start < end && IsSpace(line[start])) start++;
        while (end > start && IsSpace(line[end - 1])) end--;
        return line[start..end];
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';
}

/// <summary>A text file of words that cannot be used: empty, no usable line, or beyond a limit of
/// <see cref="Words"/>. The message is one line that names the file.</summary>
public sealed class WordsFormatException(string message) : FormatException(message);
