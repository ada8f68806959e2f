using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>
/// The confusion matrix of a classifier: one row per true class, one column per predicted class, each cell the
/// number of examples of that row's class predicted as that column's, written in the cell and shaded by it.
/// The diagonal holds the right answers; everything off it is a mistake, and where it falls says which classes
/// the network mixes up.
/// </summary>
internal static class ConfusionMatrix
{
    public const int Width = 800;

    public const int Height = 720;

    /// <param name="truth">Each example's class index.</param>
    /// <param name="predicted">The class index predicted for each example.</param>
    /// <param name="classNames">The classes' names, by index.</param>
    /// <param name="title">The plot's title.</param>
    public static byte[] Render(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> classNames, string title) =>
        Png.Render(Build(truth, predicted, classNames, title), Width, Height);

    /// <summary>counts[t, p]: the examples of true class t predicted as class p.</summary>
    public static int[,] Counts(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        var counts = new int[classes, classes];
        for (int i = 0; i < truth.Count; i++) counts[truth[i], predicted[i]]++;
        return counts;
    }

    /// <summary>The plot of <see cref="Render"/>, not yet drawn: a heatmap of the counts and one text per cell.</summary>
    public static Plot Build(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> classNames, string title)
    {
        int k = classNames.Count;
        var counts = Counts(truth, predicted, k);
        int max = Math.Max(1, counts.Cast<int>().Max());

        // Row 0 of a heatmap is drawn at the top: true class r sits at y = k - 1 - r.
        var cells = new double[k, k];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++) cells[r, c] = counts[r, c];
        var plot = Png.NewPlot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues()); // 0 white, the most dark blue
        heatmap.ManualRange = new ScottPlot.Range(0, max);
        heatmap.Rectangle = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);

        float fontSize = k <= 12 ? 14 : 9;
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
            {
                var text = plot.Add.Text(counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture), c, k - 1 - r);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontColor = counts[r, c] > max / 2 ? Colors.White : Colors.Black;
            }

        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. classNames]);
        plot.Axes.Left.SetTicks(positions.Reverse().ToArray(), [.. classNames]);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.Title(title);
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        return plot;
    }
}
