using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>Renders plots to PNG bytes in memory, so that nothing touches the disk until the caller writes
/// the bytes atomically, after the whole run has succeeded.</summary>
internal static class Png
{
    /// <summary>The largest magnitude drawn: ScottPlot's autoscaler and axes compute spans and margins that
    /// overflow near double.MaxValue, so larger numbers are drawn at this bound.</summary>
    public const double Limit = 1e300;

    /// <summary><paramref name="x"/> clamped to ±<see cref="Limit"/>; NaN (a gap) for NaN or infinity.</summary>
    public static double Plottable(double x) => double.IsFinite(x) ? Math.Clamp(x, -Limit, Limit) : double.NaN;

    public static byte[] Render(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    // ScottPlot's own choice on Linux can be a serif font; a sans-serif one reads better at small sizes.
    private static readonly string? SansFont =
        new[] { "DejaVu Sans", "Liberation Sans", "Helvetica", "Arial", "Segoe UI" }.FirstOrDefault(name => Fonts.GetTypeface(name, false, false)?.FamilyName == name);

    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (SansFont is not null) plot.Font.Set(SansFont);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right })
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks) ticks.LabelFormatter = TickLabel;
        return plot;
    }

    // ScottPlot writes every digit of a large number; past a billion, 1.5E+12 reads better.
    private static string TickLabel(double x) =>
        Math.Abs(x) >= 1e9 ? x.ToString("0.##E+0", System.Globalization.CultureInfo.InvariantCulture) : ScottPlot.TickGenerators.LabelFormatters.Numeric(x);
}
