using Micrograd.Data;

namespace Micrograd.Cli.Train;

/// <summary>Loads a CSV dataset, keeping the file's name on the error so that the message can say which
/// file is malformed.</summary>
internal static class CsvData
{
    /// <summary><see cref="Csv.Load"/>, with the path attached to a <see cref="CsvFormatException"/>.</summary>
    public static Dataset Load(string path, string labelColumn)
    {
        if (Directory.Exists(path)) throw new CliException($"--dataset: expected a CSV file or one of {string.Join(", ", Datasets.Names)}, got the folder '{path}'.");
        if (!File.Exists(path)) throw new CliException($"--dataset: expected a CSV file or one of {string.Join(", ", Datasets.Names)}, got '{path}', which does not exist.");
        try
        {
            return Csv.Load(path, labelColumn);
        }
        catch (CsvFormatException e)
        {
            e.Data["path"] = path;
            throw;
        }
    }
}
