using Micrograd.Cli.Plots;
using ScottPlot;

namespace Micrograd.Cli.Makemore;

/// <summary>The run so far: each step's training batch loss (faint), its running mean over 100 steps, and the
/// train and test losses of each evaluation (makemore's TensorBoard scalars Loss/train and Loss/test).</summary>
internal sealed class LossCurves
{
    public const int Width = 900;
    public const int Height = 520;
    private const int Window = 100;

    private readonly List<double> _batch = [];
    private readonly List<(int Step, double Train, double Test)> _evaluations = [];

    public int Steps => _batch.Count;

    public void AddStep(double loss) => _batch.Add(loss);

    public void AddEvaluation(int step, double train, double test) => _evaluations.Add((step, train, test));

    public byte[] Render(string title)
    {
        var plot = Png.NewPlot();
        double[] steps = [.. Enumerable.Range(0, _batch.Count).Select(i => (double)i)];
        if (_batch.Count > 0)
        {
            var raw = plot.Add.Scatter(steps, [.. _batch.Select(Png.Plottable)], PlotColors.Class(1).WithAlpha(0.25));
            raw.MarkerSize = 0;
            raw.LineWidth = 1;
            raw.LegendText = "batch loss";
            var mean = plot.Add.Scatter(steps, RunningMean(), PlotColors.Class(1));
            mean.MarkerSize = 0;
            mean.LineWidth = 2;
            mean.LegendText = $"batch loss, mean of the last {Window} steps";
        }
        if (_evaluations.Count > 0)
        {
            double[] at = [.. _evaluations.Select(e => (double)e.Step)];
            foreach (var (values, colour, text) in new[]
            {
                (_evaluations.Select(e => e.Train), PlotColors.Class(3), "train loss (evaluated)"),
                (_evaluations.Select(e => e.Test), PlotColors.Class(0), "test loss (evaluated)"),
            })
            {
                var line = plot.Add.Scatter(at, [.. values.Select(Png.Plottable)], colour);
                line.MarkerSize = 7;
                line.LineWidth = 2;
                line.LegendText = text;
            }
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss (cross-entropy, nats per character)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.AutoScale();
        return Png.Render(plot, Width, Height);
    }

    private double[] RunningMean()
    {
        var mean = new double[_batch.Count];
        double sum = 0;
        for (int i = 0; i < _batch.Count; i++)
        {
            sum += Png.Plottable(_batch[i]) is var v && double.IsFinite(v) ? v : 0;
            if (i >= Window) sum -= Png.Plottable(_batch[i - Window]) is var w && double.IsFinite(w) ? w : 0;
            mean[i] = sum / Math.Min(i + 1, Window);
        }
        return mean;
    }
}
