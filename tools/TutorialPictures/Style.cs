using ScottPlot;

namespace TutorialPictures;

/// <summary>One look for every plot: a sans-serif font, the command's colours, the same size.</summary>
internal static class Style
{
    public const int Width = 720;

    public const int Height = 450;

    public static readonly Color[] Colors =
    [
        Color.FromHex("#3288BD"), // blue
        Color.FromHex("#D53E4F"), // red
        Color.FromHex("#66A61E"), // green
        Color.FromHex("#F6A623"), // orange
        Color.FromHex("#7B5EA7"), // purple
    ];

    private static readonly string? SansFont =
        new[] { "DejaVu Sans", "Liberation Sans", "Helvetica", "Arial", "Segoe UI" }.FirstOrDefault(name => Fonts.GetTypeface(name, false, false)?.FamilyName == name);

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (SansFont is not null) plot.Font.Set(SansFont);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
