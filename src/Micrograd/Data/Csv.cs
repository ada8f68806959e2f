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
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        int lineNumber = 1;
        while (header is not null && header.Trim().Length == 0)
        {
            header = reader.ReadLine();
            lineNumber++;
        }
        if (header is null) throw new CsvFormatException("Expected a header row naming the columns, got an empty file.", 1, 0);

        var columns = header.Split(',').Select(Unquote).ToArray();
        int label = Array.FindIndex(columns, c => string.Equals(c, labelColumn, StringComparison.OrdinalIgnoreCase));
        if (label < 0)
            throw new CsvFormatException($"Expected a label column named '{labelColumn}'; the header has {string.Join(", ", columns.Select(c => $"'{c}'"))}.", lineNumber, 0);
        if (columns.Length < 2)
            throw new CsvFormatException($"Expected at least one input column besides the label '{labelColumn}'.", lineNumber, 0);

        var inputs = new List<double[]>();
        var targets = new List<double>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != columns.Length)
                throw new CsvFormatException($"Expected {columns.Length} fields on line {lineNumber}, got {fields.Length}.", lineNumber, 0);
            var row = new double[columns.Length - 1];
            for (int c = 0, k = 0; c < fields.Length; c++)
            {
                string text = Unquote(fields[c]);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
                    throw new CsvFormatException($"Expected a number on line {lineNumber}, column {c + 1} ('{columns[c]}'), got '{text}'.", lineNumber, c + 1);
                if (c == label) targets.Add(x);
                else row[k++] = x;
            }
            inputs.Add(row);
        }
        if (inputs.Count == 0) throw new CsvFormatException("Expected at least one data row after the header, got none.", lineNumber, 0);
        var names = columns.Where((_, c) => c != label).ToArray();
        return new Dataset(name, inputs, targets, names);
    }

    private static string Unquote(string field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }
}

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
