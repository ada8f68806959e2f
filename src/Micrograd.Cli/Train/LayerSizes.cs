using System.Globalization;

namespace Micrograd.Cli.Train;

/// <summary>Reads --layers: sizes of at least 1, separated by commas.</summary>
internal static class LayerSizes
{
    /// <summary>"16,16,1" as [16, 16, 1]; null for anything else ("16,,1", "0", "a").</summary>
    public static IReadOnlyList<int>? TryParse(string text)
    {
        var parts = text.Split(',');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                return null;
        return sizes;
    }
}
