using ScottPlot;

namespace TutorialPictures;

/// <summary>The lecture's learning-rate plot: each step of one run whose rate grows on a log scale, its loss
/// against its rate (the table's columns: log10 of the rate, the loss).</summary>
internal static class RatePlots
{
    public static byte[] Render(Table table, string title)
    {
        var plot = Style.NewPlot(title, "learning rate (log scale)", "minibatch loss");
        double[] exponents = table.Column(0), losses = table.Column(1);
        var line = plot.Add.ScatterLine(exponents, losses, Style.Colors[0]);
        line.LineWidth = 1.5f;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = x => Math.Pow(10, x).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);
        plot.Axes.SetLimits(exponents[0], exponents[^1], Math.Floor(losses.Min() * 2) / 2, Math.Ceiling(losses.Max() * 2) / 2);
        return Style.Png(plot);
    }
}
