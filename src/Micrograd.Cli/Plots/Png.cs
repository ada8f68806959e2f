using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>Renders plots to PNG bytes in memory, so that nothing touches the disk until the caller writes
/// the bytes atomically, after the whole run has succeeded.</summary>
internal static class Png
{
    /// <summary>The PNG bytes of <paramref name="plot"/> at the given size in pixels.</summary>
    public static byte[] Render(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    // ScottPlot's own choice on Linux can be a serif font; a sans-serif one reads better at small sizes.
    private static readonly string? SansFont =
        new[] { "DejaVu Sans", "Liberation Sans", "Helvetica", "Arial", "Segoe UI" }.FirstOrDefault(name => Fonts.GetTypeface(name, false, false)?.FamilyName == name);

    /// <summary>A new plot with the common styling: a sans-serif font where one is installed.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (SansFont is not null) plot.Font.Set(SansFont);
        return plot;
    }
}
