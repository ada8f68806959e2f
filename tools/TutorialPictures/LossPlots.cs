using ScottPlot;

namespace TutorialPictures;

/// <summary>Loss curves on a logarithmic axis: every column of a table after the first (the step) is a line.</summary>
internal static class LossPlots
{
    /// <summary>The axis goes no lower than this: the run without ZeroGrad reaches 1e-20 and less, which would
    /// squash every other line into the top of the plot, so its line leaves the plot at the bottom.</summary>
    public const double Floor = 1e-8;

    public static byte[] Render(Table table, string title, string yLabel, Alignment legend = Alignment.UpperRight)
    {
        var plot = Style.NewPlot(title, "step", yLabel);
        double[] steps = table.Column(0);
        double highest = 0;
        for (int c = 1; c < table.Columns.Length; c++)
        {
            double[] losses = table.Column(c);
            highest = Math.Max(highest, losses.Max());
            var line = plot.Add.ScatterLine(steps, [.. losses.Select(l => l > 0 ? Math.Log10(l) : Math.Log10(Floor) - 10)], Style.Colors[(c - 1) % Style.Colors.Length]);
            line.LineWidth = 2.5f;
            line.LegendText = table.Columns[c];
        }

        // A log scale: the data are log10(loss), each whole number gets a grid line and the label 10^k.
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => y >= 0 ? Math.Pow(10, y).ToString("0") : $"1e{y:0}",
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);
        double lowest = table.Rows.SelectMany(r => r.Skip(1)).Min(l => Math.Max(l, Floor));
        plot.Axes.SetLimits(steps[0], steps[^1], Math.Floor(Math.Log10(lowest)) - 0.05, Math.Ceiling(Math.Log10(highest)) + 0.1);
        plot.ShowLegend(legend);
        return Style.Png(plot);
    }
}
