using Micrograd.Data;
using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>
/// The images a network got wrong, in a grid: each drawn in grey (dark where the input is large, as ink on
/// paper), with its true class and the class the network predicted beneath it. For image datasets only.
/// </summary>
internal static class MistakesGrid
{
    public const int Width = 900;

    /// <summary>The height of a grid of <paramref name="rows"/> rows: each image square, as wide as a tenth of
    /// the picture, with its label beneath.</summary>
    public static int Height(int rows) => TitleHeight + (int)Math.Ceiling(Math.Max(1, rows) * 1.25 * Width / (Columns + 0.2));

    private const int TitleHeight = 50;

    /// <summary>The most images drawn; the title says how many there were.</summary>
    public const int MaxShown = 60;

    private const int Columns = 10;

    /// <param name="images">The examples, whose inputs are images of <paramref name="size"/>.</param>
    /// <param name="wrong">Indices into <paramref name="images"/> of the examples predicted wrongly, with the
    /// predicted class of each.</param>
    /// <param name="classNames">The classes' names, by index.</param>
    /// <param name="size">The images' rows and columns.</param>
    /// <param name="title">The plot's title.</param>
    public static byte[] Render(Dataset images, IReadOnlyList<(int Index, int Predicted)> wrong, IReadOnlyList<string> classNames, ImageSize size, string title)
    {
        var plot = Png.NewPlot();
        var shown = wrong.Take(MaxShown).ToArray();
        int rows = Math.Max(1, (shown.Length + Columns - 1) / Columns);
        double lo = images.Inputs.SelectMany(x => x).Select(Png.Plottable).Where(double.IsFinite).DefaultIfEmpty(0).Min();
        double hi = images.Inputs.SelectMany(x => x).Select(Png.Plottable).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        IColormap ink = new ScottPlot.Colormaps.GrayscaleReversed();

        // Image i sits in cell (column i % 10, row i / 10), row 0 at the top; each cell is 1 × 1.25 units, the
        // image in its upper square and its label in the strip below.
        for (int i = 0; i < shown.Length; i++)
        {
            var (index, predicted) = shown[i];
            var pixels = new double[size.Rows, size.Columns];
            var x = images.Inputs[index];
            for (int r = 0; r < size.Rows; r++)
                for (int c = 0; c < size.Columns; c++) pixels[r, c] = Png.Plottable(x[r * size.Columns + c]);
            double left = i % Columns, top = -(i / Columns) * 1.25;
            var heatmap = plot.Add.Heatmap(pixels);
            heatmap.Colormap = ink;
            heatmap.ManualRange = new ScottPlot.Range(lo, hi > lo ? hi : lo + 1);
            heatmap.Rectangle = new CoordinateRect(left + 0.05, left + 0.95, top - 0.9, top);
            var label = plot.Add.Text($"{Name(classNames, images.Targets[index])} → {Name(classNames, predicted)}", left + 0.5, top - 0.95);
            label.Alignment = Alignment.UpperCenter;
            label.LabelFontSize = 12;
        }

        plot.Title(title);
        plot.HideGrid();
        plot.Layout.Fixed(new PixelPadding(0, 0, 0, TitleHeight));
        plot.Axes.Frameless(hideAllPanels: false); // keeps the title
        plot.Axes.FrameWidth(0);
        plot.Axes.SetLimits(-0.1, Columns + 0.1, -rows * 1.25, 0);
        return Png.Render(plot, Width, Height(rows));
    }

    private static string Name(IReadOnlyList<string> classNames, double index) =>
        index >= 0 && index < classNames.Count ? classNames[(int)index] : Text.Numbers.RoundTrip(index);
}
