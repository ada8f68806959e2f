using Micrograd.Data;

namespace Micrograd.Cli.Predict;

/// <summary>
/// Reads the rows to predict from a CSV file with a header row: the columns named like the model's inputs are
/// taken, in the model's order; other columns (such as the label) are ignored. A model without input names
/// takes every column, in order.
/// </summary>
internal static class InputCsv
{
    /// <exception cref="CliException">When the file is missing.</exception>
    /// <exception cref="CsvFormatException">For a missing input column or a malformed line, with the path and line.</exception>
    public static IReadOnlyList<double[]> Load(string path, IReadOnlyList<string> inputNames, bool namesKnown)
    {
        if (!File.Exists(path)) throw new CliException($"--input: expected a CSV file, got '{path}', which does not exist");
        var table = Csv.ReadColumns(path, namesKnown ? inputNames : null);
        if (!namesKnown && table.Columns.Count != inputNames.Count)
            throw new CsvFormatException($"Expected {inputNames.Count} columns, one per model input, got {table.Columns.Count}.", table.HeaderLine, 0, path);
        return table.Rows;
    }
}
