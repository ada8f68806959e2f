using System.Globalization;

namespace TutorialPictures;

/// <summary>A table an example wrote: a header of column names, then one row of numbers per step.</summary>
internal sealed record Table(string[] Columns, double[][] Rows)
{
    public double[] Column(int index) => [.. Rows.Select(r => r[index])];
}

internal static class Csv
{
    public static Table Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var rows = lines[1..].Select(l => l.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
        return new Table(lines[0].Split(','), [.. rows]);
    }
}
