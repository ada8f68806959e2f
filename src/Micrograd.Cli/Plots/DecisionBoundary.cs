using Micrograd.Data;
using Micrograd.Training;
using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>
/// The plot of micrograd's demo notebook: a grid over the data's bounding box (plus a margin) shaded by the
/// class the model predicts there, with the data points on top coloured by their true label. For a
/// regression model the grid is shaded by the predicted value instead. Only for data with two inputs.
/// </summary>
internal static class DecisionBoundary
{
    public const int Width = 800;

    public const int Height = 600;

    /// <summary>Grid cells along each axis, for a network small enough (<see cref="GridWork"/>).</summary>
    public const int GridSize = 200;

    /// <summary>The most grid cells × parameters to evaluate: a large network gets a coarser grid (down to
    /// 16 × 16) so that drawing takes seconds, not minutes.</summary>
    public const long GridWork = 50_000_000;

    /// <summary>The margin around the data, as a fraction of its extent along each axis.</summary>
    public const double Margin = 0.25;

    /// <summary>The PNG of the decision regions of <paramref name="model"/>'s network over every example of
    /// its data (training points as circles, held-out points as triangles).</summary>
    public static byte[] Render(TrainedModel model, string title) => Png.Render(Build(model, title), Width, Height);

    /// <summary>How strongly a regression's predicted values shade the grid: pale, so that a point coloured by its
    /// target stands out even where the prediction matches it (at full strength a well-fitted point took the
    /// colour around it and looked hollow).</summary>
    public const double RegressionShade = 0.45;

    /// <summary>The plot of <see cref="Render"/>, not yet drawn.</summary>
    public static Plot Build(TrainedModel model, string title)
    {
        var weights = model.Network;
        var data = model.Data;
        var kind = model.Objective.Outputs;
        if (weights.InputCount != 2) throw new ArgumentException($"Expected a model with 2 inputs for a decision-boundary plot, got {weights.InputCount}.");
        var all = data.Train.Inputs.Concat(data.Validation.Inputs).Concat(data.Test.Inputs).ToArray();
        var (xMin, xMax) = Bounds(all.Select(p => p[0]));
        var (yMin, yMax) = Bounds(all.Select(p => p[1]));

        // Row 0 of a heatmap is drawn at the top, so rows run from yMax down.
        int n = GridCells(weights.ParameterCount);
        double dx = (xMax - xMin) / n, dy = (yMax - yMin) / n;
        var points = new double[n * n][];
        for (int row = 0; row < n; row++)
            for (int col = 0; col < n; col++)
                points[row * n + col] = [xMin + (col + 0.5) * dx, yMax - (row + 0.5) * dy];
        var outputs = model.Predict(points);
        var cells = new double[n, n];
        for (int row = 0; row < n; row++)
            for (int col = 0; col < n; col++)
            {
                var y = outputs[row * n + col];
                cells[row, col] = kind.Predict(y) is { } label ? kind.ClassIndex(label) : y[0];
            }

        var plot = Png.NewPlot();
        if (kind == OutputKind.Regression)
        {
            DrawRegression(plot, cells, new CoordinateRect(xMin, xMax, yMin, yMax), data);
        }
        else
        {
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax);
            DrawClasses(plot, heatmap, data, kind, Models.ModelNotes.ClassCount(kind, weights.OutputCount));
        }

        plot.Title(title);
        plot.XLabel(data.Train.InputNames[0]);
        plot.YLabel(data.Train.InputNames[1]);
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        return plot;
    }

    private static void DrawClasses(Plot plot, ScottPlot.Plottables.Heatmap heatmap, DatasetSplits data, OutputKind kind, int classes)
    {
        heatmap.Colormap = new PlotColors.ClassRegions(classes);
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(1, classes - 1));

        var heldOut = data.Validation.Inputs.Concat(data.Test.Inputs).ToArray();
        var heldOutTargets = data.Validation.Targets.Concat(data.Test.Targets).ToArray();
        for (int c = 0; c < classes; c++)
        {
            string name = Models.ModelNotes.ClassLabel(kind, c);
            AddPoints(plot, data.Train.Inputs, data.Train.Targets, t => kind.ClassIndex(t) == c, PlotColors.Class(c), MarkerShape.FilledCircle, $"class {name}");
            AddPoints(plot, heldOut, heldOutTargets, t => kind.ClassIndex(t) == c, PlotColors.Class(c), MarkerShape.FilledTriangleUp, $"class {name} (held out)");
        }
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void DrawRegression(Plot plot, double[,] cells, CoordinateRect rectangle, DatasetSplits data)
    {
        var targets = data.Train.Targets.Concat(data.Validation.Targets).Concat(data.Test.Targets).Select(Png.Plottable).ToArray();
        // The colour scale spans the targets and the finite predictions: a diverged model predicts NaN or
        // infinity, and then only the points are drawn.
        var predictions = cells.Cast<double>().Where(double.IsFinite).Select(Png.Plottable).ToArray();
        var finite = targets.Concat(predictions).ToArray();
        double lo = finite.Min(), hi = finite.Max();
        if (!(hi > lo)) hi = lo + 1;
        var colormap = new ScottPlot.Colormaps.Viridis();
        if (predictions.Length > 0)
        {
            for (int r = 0; r < cells.GetLength(0); r++)
                for (int c = 0; c < cells.GetLength(1); c++)
                    cells[r, c] = Png.Plottable(cells[r, c]);
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Rectangle = rectangle;
            heatmap.Colormap = colormap;
            heatmap.ManualRange = new ScottPlot.Range(lo, hi);
            heatmap.Opacity = RegressionShade;
            plot.Add.ColorBar(heatmap);
        }

        // Points coloured by their target, in a few bands so that a large file stays a few plottables.
        const int bands = 16;
        var inputs = data.Train.Inputs.Concat(data.Validation.Inputs).Concat(data.Test.Inputs).ToArray();
        for (int b = 0; b < bands; b++)
        {
            int band = b;
            var color = colormap.GetColor((band + 0.5) / bands);
            AddPoints(plot, inputs, targets, t => Math.Min(bands - 1, (int)((t - lo) / (hi - lo) * bands)) == band, color, MarkerShape.FilledCircle, null);
        }
    }

    private static void AddPoints(Plot plot, IReadOnlyList<IReadOnlyList<double>> inputs, IReadOnlyList<double> targets,
        Func<double, bool> include, Color color, MarkerShape shape, string? legend)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < inputs.Count; i++)
            if (include(targets[i]))
            {
                xs.Add(Png.Plottable(inputs[i][0]));
                ys.Add(Png.Plottable(inputs[i][1]));
            }
        if (xs.Count == 0) return;
        var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
        points.MarkerShape = shape;
        points.MarkerSize = 8;
        points.MarkerStyle.OutlineColor = Colors.Black; // dark rims keep points visible on a region of their own colour
        points.MarkerStyle.OutlineWidth = 1;
        if (legend is not null) points.LegendText = legend;
    }


    public static int GridCells(long parameters) => (int)Math.Clamp(Math.Sqrt((double)GridWork / Math.Max(1, parameters)), 16, GridSize);

    private static (double Min, double Max) Bounds(IEnumerable<double> values)
    {
        double min = values.Min(Png.Plottable), max = values.Max(Png.Plottable);
        double range = max - min;
        double margin = range > 0 ? Margin * range : 0.5;
        return (min - margin, max + margin);
    }
}
