using System.Globalization;

namespace Micrograd.Data;

/// <summary>Reads a dataset from a CSV file of numbers with a header row.</summary>
public static class Csv
{
    /// <summary>
    /// Loads <paramref name="path"/>: the first line names the columns, every other non-blank line holds one
    /// number per column (invariant culture: a dot for decimals). The column named
    /// <paramref name="labelColumn"/> becomes the target; all the others, in order, the inputs.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="CsvFormatException">For a missing label column, a line with the wrong number of
    /// fields, or a value that is not a finite number: the message names the line and column.</exception>
    public static Dataset Load(string path, string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labelColumn);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such CSV file: {path}", path);
        using var reader = new StreamReader(path);
        return Parse(reader, labelColumn, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses CSV text; see <see cref="Load"/>.</summary>
    public static Dataset Parse(TextReader reader, string labelColumn, string name = "csv")
    {
        var table = ReadColumns(reader);
        int label = IndexOf(table.Columns, labelColumn);
        if (label < 0)
            throw new CsvFormatException($"Expected a label column named '{labelColumn}'; the header has {Quoted(table.Columns)}.", table.HeaderLine, 0);
        if (table.Columns.Count < 2)
            throw new CsvFormatException($"Expected at least one input column besides the label '{labelColumn}'.", table.HeaderLine, 0);
        var inputs = table.Rows.Select(r => r.Where((_, c) => c != label).ToArray()).ToArray();
        var names = table.Columns.Where((_, c) => c != label).ToArray();
        return new Dataset(name, inputs, table.Rows.Select(r => r[label]).ToArray(), names);
    }

    /// <summary>
    /// Reads a header row and the numeric rows under it, keeping the columns named in
    /// <paramref name="columns"/> (any case, in that order), or all of them when it is null. Columns not kept
    /// are not parsed, so they may hold text.
    /// </summary>
    /// <exception cref="CsvFormatException">For a missing column, a line with the wrong number of fields, a
    /// value that is not a finite number, or no data rows: the message names the line and column.</exception>
    public static CsvTable ReadColumns(TextReader reader, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int lineNumber = 0;
        string? header;
        do { header = reader.ReadLine(); lineNumber++; } while (header is not null && header.Trim().Length == 0);
        if (header is null) throw new CsvFormatException("Expected a header row naming the columns, got an empty file.", 1, 0);
        int headerLine = lineNumber;

        var names = header.Split(',').Select(Unquote).ToArray();
        var take = columns is null ? Enumerable.Range(0, names.Length).ToArray() : columns.Select(c => IndexOf(names, c)).ToArray();
        int missing = Array.IndexOf(take, -1);
        if (missing >= 0)
            throw new CsvFormatException($"Expected a column named '{columns![missing]}'; the header has {Quoted(names)}.", headerLine, 0);

        var rows = new List<double[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != names.Length)
                throw new CsvFormatException($"Expected {names.Length} fields on line {lineNumber}, got {fields.Length}.", lineNumber, 0);
            var row = new double[take.Length];
            for (int k = 0; k < take.Length; k++)
            {
                int c = take[k];
                string text = Unquote(fields[c]);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !double.IsFinite(row[k]))
                    throw new CsvFormatException($"Expected a number on line {lineNumber}, column {c + 1} ('{names[c]}'), got '{text}'.", lineNumber, c + 1);
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new CsvFormatException("Expected at least one data row after the header, got none.", lineNumber, 0);
        return new CsvTable(take.Select(c => names[c]).ToArray(), rows, headerLine);
    }

    private static int IndexOf(IReadOnlyList<string> names, string column)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(c => $"'{c}'"));

    private static string Unquote(string field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }
}

/// <summary>The numeric columns of a CSV file, as <see cref="Csv.ReadColumns"/> read them.</summary>
/// <param name="Columns">The names of the columns kept, in order.</param>
/// <param name="Rows">One array per data row, one number per kept column.</param>
/// <param name="HeaderLine">The 1-based line of the header row.</param>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<double[]> Rows, int HeaderLine);

/// <summary>A CSV file that is not what <see cref="Csv.Load"/> expects.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for the given place in the file.</summary>
    public CsvFormatException(string message, int line, int column) : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line where the problem is.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the problem is, or 0 when it concerns the whole line.</summary>
    public int Column { get; }
}
