using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>Issue 21: the validation curve of a run measured every 50 of 500 steps stopped at step 450; the
/// measurement after the last update now ends it, at step 500.</summary>
public class LossCurveTests
{
    private static StepRecord[] History(int steps, int every) =>
        [.. Enumerable.Range(0, steps).Select(k => new StepRecord(k, 1.0 / (k + 1), 0.5, k % every == 0 ? 2.0 / (k + 1) : null, k % every == 0 ? 0.4 : null))];

    [Fact]
    public void The_validation_points_end_with_the_measurement_after_the_last_step()
    {
        var points = Plots.LossCurve.ValidationPoints(History(500, 50), new Evaluation(0.1098, 0.981));
        Assert.Equal([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500], points.Select(p => p.Step));
        Assert.Equal((500.0, 0.1098, (double?)0.981), points[^1]);
    }

    [Fact]
    public void The_plot_draws_them_as_the_validation_loss_and_accuracy()
    {
        var plot = Plots.LossCurve.Build(History(500, 50), "t", new Evaluation(0.1098, 0.981));
        var series = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToDictionary(s => s.LegendText, s => s.Data.GetScatterPoints());
        Assert.Equal((500.0, 0.1098), (series["validation loss"][^1].X, series["validation loss"][^1].Y));
        Assert.Equal((500.0, 0.981), (series["validation accuracy"][^1].X, series["validation accuracy"][^1].Y));
        Assert.Equal(499.0, series["training loss"][^1].X);
    }

    [Fact]
    public void Without_a_validation_split_there_are_no_validation_points()
    {
        StepRecord[] history = [new(0, 1, null, null, null), new(1, 0.5, null, null, null)];
        Assert.Empty(Plots.LossCurve.ValidationPoints(history, null));
        Assert.DoesNotContain(Plots.LossCurve.Build(history, "t").GetPlottables<ScottPlot.Plottables.Scatter>(), s => s.LegendText == "validation loss");
    }
}
