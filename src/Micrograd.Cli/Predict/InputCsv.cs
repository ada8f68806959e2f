using Micrograd.Cli.Text;
using Micrograd.Data;

namespace Micrograd.Cli.Predict;

/// <summary>
/// Reads the rows to predict from a CSV file with a header row: the columns named like the model's inputs are
/// taken, in the model's order; other columns (such as the label) are ignored. A model without input names
/// takes every column, in order.
/// </summary>
internal static class InputCsv
{
    /// <summary>The input rows of <paramref name="path"/>.</summary>
    /// <exception cref="CliException">When the file is missing or lacks one of the inputs.</exception>
    /// <exception cref="CsvFormatException">For a malformed line, naming the line and column.</exception>
    public static List<double[]> Load(string path, IReadOnlyList<string> inputNames, bool namesKnown)
    {
        if (!File.Exists(path)) throw new CliException($"--input: expected a CSV file, got '{path}', which does not exist");
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, inputNames, namesKnown);
        }
        catch (CsvFormatException e)
        {
            e.Data["path"] = path;
            throw;
        }
    }

    /// <summary>Parses CSV text; see <see cref="Load"/>.</summary>
    public static List<double[]> Parse(TextReader reader, IReadOnlyList<string> inputNames, bool namesKnown)
    {
        int lineNumber = 0;
        string? header;
        do { header = reader.ReadLine(); lineNumber++; } while (header is not null && header.Trim().Length == 0);
        if (header is null) throw new CsvFormatException("Expected a header row naming the columns, got an empty file.", 1, 0);

        var columns = header.Split(',').Select(Unquote).ToArray();
        int[] take;
        if (namesKnown)
        {
            take = inputNames.Select(n => Array.FindIndex(columns, c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).ToArray();
            int missing = Array.IndexOf(take, -1);
            if (missing >= 0)
                throw new CsvFormatException($"Expected a column named '{inputNames[missing]}' (the model's inputs are {string.Join(", ", inputNames)}); the header has {string.Join(", ", columns.Select(c => $"'{c}'"))}.", lineNumber, 0);
        }
        else
        {
            if (columns.Length != inputNames.Count)
                throw new CsvFormatException($"Expected {inputNames.Count} columns, one per model input, got {columns.Length}.", lineNumber, 0);
            take = Enumerable.Range(0, columns.Length).ToArray();
        }

        var rows = new List<double[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != columns.Length)
                throw new CsvFormatException($"Expected {columns.Length} fields on line {lineNumber}, got {fields.Length}.", lineNumber, 0);
            var row = new double[take.Length];
            for (int k = 0; k < take.Length; k++)
            {
                string text = Unquote(fields[take[k]]);
                if (!Numbers.TryParse(text, out row[k]))
                    throw new CsvFormatException($"Expected a number on line {lineNumber}, column {take[k] + 1} ('{columns[take[k]]}'), got '{text}'.", lineNumber, take[k] + 1);
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new CsvFormatException("Expected at least one data row after the header, got none.", lineNumber, 0);
        return rows;
    }

    private static string Unquote(string field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }
}
