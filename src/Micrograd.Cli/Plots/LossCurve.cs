using Micrograd.Training;
using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>
/// The training curve: the loss of every step (computed before the step's update) on the left axis, the
/// training accuracy on a right axis where the targets are labels, and the validation loss and accuracy as
/// points on the steps where they were computed.
/// </summary>
internal static class LossCurve
{
    public const int Width = 800;

    public const int Height = 500;

    public static byte[] Render(IReadOnlyList<StepRecord> history, string title, Evaluation? finalValidation = null) =>
        Png.Render(Build(history, title, finalValidation), Width, Height);

    /// <summary>The validation measurements to draw: those taken during training (before the update of their step,
    /// so after that many updates), then <paramref name="final"/>, measured after the last update, at the step
    /// count. Without it a curve measured every 50 of 500 steps stopped at step 450.</summary>
    public static (double Step, double Loss, double? Accuracy)[] ValidationPoints(IReadOnlyList<StepRecord> history, Evaluation? final)
    {
        var points = history.Where(r => r.ValidationLoss is not null)
            .Select(r => ((double)r.Step, r.ValidationLoss!.Value, r.ValidationAccuracy)).ToList();
        if (final is { } f && history.Count > 0 && (points.Count == 0 || points[^1].Item1 < history.Count)) points.Add((history.Count, f.Loss, f.Accuracy));
        return [.. points];
    }

    /// <summary>The plot of <see cref="Render"/>, not yet drawn.</summary>
    public static Plot Build(IReadOnlyList<StepRecord> history, string title, Evaluation? finalValidation = null)
    {
        var plot = Png.NewPlot();
        double[] steps = history.Select(r => (double)r.Step).ToArray();

        // A diverged run has infinite or NaN losses: they leave a gap in the line.
        var loss = plot.Add.Scatter(steps, history.Select(r => Png.Plottable(r.TrainLoss)).ToArray(), PlotColors.Class(0));
        loss.MarkerSize = 0;
        loss.LineWidth = 2;
        loss.LegendText = "training loss";

        var validation = ValidationPoints(history, finalValidation);
        if (validation.Length > 0)
        {
            var v = plot.Add.ScatterPoints(validation.Select(p => p.Step).ToArray(), validation.Select(p => Png.Plottable(p.Loss)).ToArray(), PlotColors.Class(0));
            v.MarkerShape = MarkerShape.OpenCircle;
            v.MarkerSize = 9;
            v.LegendText = "validation loss";
        }

        bool hasAccuracy = history.Any(r => r.TrainAccuracy is not null);
        if (hasAccuracy)
        {
            var right = plot.Axes.Right;
            var accuracy = plot.Add.Scatter(steps, history.Select(r => r.TrainAccuracy ?? double.NaN).ToArray(), PlotColors.Class(1));
            accuracy.MarkerSize = 0;
            accuracy.LineWidth = 2;
            accuracy.LegendText = "training accuracy";
            accuracy.Axes.YAxis = right;

            var validationAccuracy = validation.Where(p => p.Accuracy is not null).ToArray();
            if (validationAccuracy.Length > 0)
            {
                var va = plot.Add.ScatterPoints(validationAccuracy.Select(p => p.Step).ToArray(), validationAccuracy.Select(p => p.Accuracy!.Value).ToArray(), PlotColors.Class(1));
                va.MarkerShape = MarkerShape.OpenSquare;
                va.MarkerSize = 9;
                va.LegendText = "validation accuracy";
                va.Axes.YAxis = right;
            }
            right.Label.Text = "accuracy";
            plot.Axes.SetLimitsY(0, 1.05, right);
        }

        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.MiddleRight);
        plot.Axes.AutoScale();
        if (hasAccuracy) plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Right);
        return plot;
    }
}
