using ScottPlot;

namespace TutorialPictures;

/// <summary>Chapter 1's parabola and chapter 4's tanh, each with its tangent at the chapter's point.</summary>
internal static class Curves
{
    public static byte[] ParabolaWithTangent()
    {
        static double F(double x) => 3 * x * x - 4 * x + 5;
        var plot = Style.NewPlot("f(x) = 3x² - 4x + 5 and its tangent at x = 3", "x", "f(x)");
        Curve(plot, F, -1.5, 4.5, Style.Colors[0], "f(x)");
        // The tangent at x = 3: through (3, 20) with the slope 6·3 - 4 = 14.
        Curve(plot, x => F(3) + 14 * (x - 3), 1.8, 4.2, Style.Colors[1], "tangent at x = 3: slope 14", dashed: true);
        // The bottom, where the slope is 0.
        Curve(plot, x => F(2.0 / 3), -0.3, 1.6, Style.Colors[2], "tangent at x = 2/3: slope 0", dashed: true);
        Point(plot, 3, F(3), Style.Colors[1]);
        Point(plot, 2.0 / 3, F(2.0 / 3), Style.Colors[2]);
        plot.Axes.SetLimits(-1.5, 4.5, -5, 45);
        plot.ShowLegend(Alignment.UpperCenter);
        return Style.Png(plot);
    }

    public static byte[] Tanh()
    {
        const double n = 0.8814, o = 0.7071;
        var plot = Style.NewPlot("o = tanh(n): the neuron's squashing function", "n", "tanh(n)");
        Curve(plot, Math.Tanh, -4, 4, Style.Colors[0], "tanh(n)");
        // The neuron's point, n = 0.8814, o = 0.7071, where the slope 1 - o² is 0.5.
        Curve(plot, x => o + 0.5 * (x - n), -0.4, 2.2, Style.Colors[1], "tangent at n = 0.8814: slope 1 - o² = 0.5", dashed: true);
        Point(plot, n, o, Style.Colors[1]);
        foreach (double y in new[] { -1.0, 1.0 })
        {
            var line = plot.Add.HorizontalLine(y, 1, Colors.Gray, LinePattern.Dotted);
            line.LineWidth = 1;
        }
        plot.Axes.SetLimits(-4, 4, -1.3, 1.3);
        plot.ShowLegend(Alignment.LowerRight);
        return Style.Png(plot);
    }

    private static void Curve(Plot plot, Func<double, double> f, double from, double to, Color color, string legend, bool dashed = false)
    {
        const int points = 200;
        double[] xs = [.. Enumerable.Range(0, points + 1).Select(i => from + (to - from) * i / points)];
        var line = plot.Add.ScatterLine(xs, [.. xs.Select(f)], color);
        line.LineWidth = 2.5f;
        line.LegendText = legend;
        if (dashed) line.LinePattern = LinePattern.Dashed;
    }

    private static void Point(Plot plot, double x, double y, Color color)
    {
        var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 10, color);
        marker.LegendText = "";
    }
}
