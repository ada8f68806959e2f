using System.Globalization;

namespace Micrograd.Data;

/// <summary>A header row of distinct names (matched in any case), then one number per column on every non-blank
/// line, a dot for decimals. Sizes are capped; a file's size is checked before it is read.</summary>
public static class Csv
{
    public const long MaxBytes = 100_000_000;
    public const int MaxRows = 1_000_000;
    public const int MaxColumns = 10_000;

    /// <summary>Characters in one line (the header included): 100 per field of the widest table. Checked as the line
    /// is read, so that a source without line ends (a pipe, /dev/zero) is refused, not read to the end of memory.</summary>
    public const int MaxLineChars = 1_000_000;

    /// <summary>All columns but <paramref name="labelColumn"/>, in order, are the inputs.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="CsvFormatException">For a missing or repeated column, a line with the wrong number of
    /// fields, a value that is not a finite number, or a file beyond the caps; with the path and line.</exception>
    public static Dataset Load(string path, string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(labelColumn);
        using var reader = Open(path);
        return ToDataset(Read(reader, null, path), labelColumn, Path.GetFileNameWithoutExtension(path), path);
    }

    public static Dataset Parse(TextReader reader, string labelColumn, string name = "csv")
    {
        ArgumentNullException.ThrowIfNull(labelColumn);
        return ToDataset(Read(reader, null, null), labelColumn, name, null);
    }

    /// <summary>Keeps the columns named in <paramref name="columns"/>, in that order, or all of them when it is
    /// null; columns not kept are not parsed, so they may hold text.</summary>
    /// <exception cref="ArgumentException">When <paramref name="columns"/> names a column twice (in any case, as
    /// columns are matched): one column would be read into two places.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="CsvFormatException">As for <see cref="Load"/>, or for no data rows.</exception>
    public static CsvTable ReadColumns(string path, IReadOnlyList<string>? columns = null)
    {
        CheckDistinct(columns);
        using var reader = Open(path);
        return Read(reader, columns, path);
    }

    /// <inheritdoc cref="ReadColumns(string, IReadOnlyList{string}?)"/>
    public static CsvTable ReadColumns(TextReader reader, IReadOnlyList<string>? columns = null)
    {
        CheckDistinct(columns);
        return Read(reader, columns, null);
    }

    private static void CheckDistinct(IReadOnlyList<string>? columns)
    {
        if (columns is null) return;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
            if (!seen.TryAdd(columns[i] ?? throw new ArgumentNullException(nameof(columns)), i))
                throw new ArgumentException(
                    $"Expected distinct column names to read (compared without case), got '{columns[seen[columns[i]]]}' and '{columns[i]}' at positions {seen[columns[i]] + 1} and {i + 1}.", nameof(columns));
    }

    private static StreamReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists) throw new FileNotFoundException($"No such CSV file: {path}", path);
        if (file.Length > MaxBytes)
            throw new CsvFormatException($"Expected a CSV file of at most {MaxBytes:N0} bytes, got {file.Length:N0}.", 0, 0, path);
        return new StreamReader(path);
    }

    private static Dataset ToDataset(CsvTable table, string labelColumn, string name, string? path)
    {
        int label = IndexOf(table.Columns, labelColumn);
        if (label < 0)
            throw new CsvFormatException($"Expected a label column named '{labelColumn}'; the header has {Quoted(table.Columns)}.", table.HeaderLine, 0, path);
        if (table.Columns.Count < 2)
            throw new CsvFormatException($"Expected at least one input column besides the label '{labelColumn}'.", table.HeaderLine, 0, path);
        var inputs = table.Rows.Select(r => r.Where((_, c) => c != label).ToArray()).ToArray();
        var names = table.Columns.Where((_, c) => c != label).ToArray();
        return new Dataset(name, inputs, table.Rows.Select(r => r[label]).ToArray(), names);
    }

    private static CsvTable Read(TextReader reader, IReadOnlyList<string>? columns, string? path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new CsvLines(reader, path);

        string? header;
        do header = lines.Next(); while (header is not null && header.AsSpan().Trim().Length == 0);
        if (header is null) throw new CsvFormatException("Expected a header row naming the columns, got an empty file.", 1, 0, path);
        int headerLine = lines.Number;

        // Fields are counted before a line is split, so a line of commas costs no string per comma.
        int width = header.AsSpan().Count(',') + 1;
        if (width > MaxColumns)
            throw new CsvFormatException($"Expected at most {MaxColumns:N0} columns, got {width:N0}.", headerLine, 0, path);
        var names = header.Split(',').Select(Unquote).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < names.Length; c++)
            if (!seen.TryAdd(names[c], c))
                throw new CsvFormatException($"Expected distinct column names, got '{names[c]}' in columns {seen[names[c]] + 1} and {c + 1}.", headerLine, c + 1, path);
        var take = columns is null ? Enumerable.Range(0, names.Length).ToArray() : columns.Select(c => IndexOf(names, c)).ToArray();
        int missing = Array.IndexOf(take, -1);
        if (missing >= 0)
            throw new CsvFormatException($"Expected a column named '{columns![missing]}'; the header has {Quoted(names)}.", headerLine, 0, path);
        var position = new int[names.Length]; // where column c goes in a row, or -1 when it is not kept
        Array.Fill(position, -1);
        for (int k = 0; k < take.Length; k++) position[take[k]] = k;

        var rows = new List<double[]>();
        string? line;
        while ((line = lines.Next()) is not null)
        {
            int lineNumber = lines.Number;
            if (line.AsSpan().Trim().Length == 0) continue;
            if (rows.Count == MaxRows)
                throw new CsvFormatException($"Expected at most {MaxRows:N0} data rows, got more by line {lineNumber}.", lineNumber, 0, path);
            int fields = line.AsSpan().Count(',') + 1;
            if (fields != names.Length)
                throw new CsvFormatException($"Expected {names.Length} fields on line {lineNumber}, got {fields:N0}.", lineNumber, 0, path);
            var row = new double[take.Length];
            int c = 0;
            foreach (var range in line.AsSpan().Split(','))
            {
                if (position[c] is var k and >= 0)
                {
                    var text = Unquote(line.AsSpan(range));
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !double.IsFinite(row[k]))
                        throw new CsvFormatException($"Expected a number on line {lineNumber}, column {c + 1} ('{names[c]}'), got '{text}'.", lineNumber, c + 1, path);
                }
                c++;
            }
            rows.Add(row);
        }
        int last = lines.Number;
        if (rows.Count == 0) throw new CsvFormatException("Expected at least one data row after the header, got none.", last, 0, path);
        return new CsvTable(take.Select(c => names[c]).ToArray(), rows, headerLine);
    }

    private static int IndexOf(IReadOnlyList<string> names, string column)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(c => $"'{c}'"));

    private static string Unquote(string field) => Unquote(field.AsSpan()).ToString();

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }
}

/// <summary>The kept columns' names and one array per data row; <paramref name="HeaderLine"/> counts from 1.</summary>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<double[]> Rows, int HeaderLine);

public sealed class CsvFormatException(string message, int line, int column, string? path = null) : FormatException(message)
{
    /// <summary>1-based; 0 when the problem concerns the whole file (its size).</summary>
    public int Line { get; } = line;

    /// <summary>1-based; 0 when the problem concerns the whole line.</summary>
    public int Column { get; } = column;

    /// <summary>Null when the CSV was read from a <see cref="TextReader"/>.</summary>
    public string? Path { get; } = path;
}
