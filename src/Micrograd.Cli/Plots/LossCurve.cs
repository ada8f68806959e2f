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

    public static byte[] Render(IReadOnlyList<StepRecord> history, string title)
    {
        var plot = Png.NewPlot();
        double[] steps = history.Select(r => (double)r.Step).ToArray();

        // A diverged run has infinite or NaN losses: they leave a gap in the line.
        var loss = plot.Add.Scatter(steps, history.Select(r => Png.Plottable(r.TrainLoss)).ToArray(), PlotColors.Class(0));
        loss.MarkerSize = 0;
        loss.LineWidth = 2;
        loss.LegendText = "training loss";

        var validation = history.Where(r => r.ValidationLoss is not null).ToArray();
        if (validation.Length > 0)
        {
            var v = plot.Add.ScatterPoints(validation.Select(r => (double)r.Step).ToArray(), validation.Select(r => Png.Plottable(r.ValidationLoss!.Value)).ToArray(), PlotColors.Class(0));
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

            var validationAccuracy = history.Where(r => r.ValidationAccuracy is not null).ToArray();
            if (validationAccuracy.Length > 0)
            {
                var va = plot.Add.ScatterPoints(validationAccuracy.Select(r => (double)r.Step).ToArray(), validationAccuracy.Select(r => r.ValidationAccuracy!.Value).ToArray(), PlotColors.Class(1));
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
        return Png.Render(plot, Width, Height);
    }
}
