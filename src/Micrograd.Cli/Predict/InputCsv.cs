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
        var table = Csv.ReadColumns(reader, namesKnown ? inputNames : null);
        if (!namesKnown && table.Columns.Count != inputNames.Count)
            throw new CsvFormatException($"Expected {inputNames.Count} columns, one per model input, got {table.Columns.Count}.", table.HeaderLine, 0);
        return [.. table.Rows];
    }
}
