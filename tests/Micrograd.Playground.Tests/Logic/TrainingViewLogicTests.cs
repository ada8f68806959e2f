using Micrograd.Nn;
using Micrograd.Playground.Components;
using Micrograd.Playground.Training;
using Micrograd.Training;

namespace Micrograd.Playground.Tests.Logic;

public class TrainingViewLogicTests
{
    [Fact]
    public void The_L2_term_is_alpha_times_the_sum_of_squared_weights()
    {
        var set = PlaygroundData.Load("moons", TrainingSettings.Moons.Seed);
        var session = new TrainingSession(TrainingSettings.Moons with { L2 = 0.01 }, set.Train, 2);
        double squares = session.Trainer.Weights().ToArray().Sum(p => p * p);
        Assert.Equal(0.01 * squares, session.L2Term, 1e-12);
        Assert.Equal(0, new TrainingSession(TrainingSettings.Moons with { L2 = 0 }, set.Train, 2).L2Term);
        // With the term, the first loss is the data loss plus α·Σp²: larger by exactly that much than without.
        var without = new TrainingSession(TrainingSettings.Moons with { L2 = 0, Precision = Micrograd.Training.Precision.Float64 }, set.Train, 2);
        var with = new TrainingSession(TrainingSettings.Moons with { L2 = 0.01, Precision = Micrograd.Training.Precision.Float64 }, set.Train, 2);
        double term = with.L2Term;
        without.Step();
        with.Step();
        Assert.Equal(without.Losses[0] + term, with.Losses[0], 1e-9);
    }

    [Fact]
    public void Neuron_maps_color_each_cell_by_the_neurons_output_and_draw_its_zero_line()
    {
        var weights = new MlpWeights(2, [new LayerWeights(2, 2, [1.0, 0.0, 0.0, 0.0], [0.0, 0.5], Activation.Tanh), new LayerWeights(2, 1, [1, 1], [0], Activation.Linear)]);
        var view = new Viewport(-1, 1, -1, 1);
        var maps = NeuronMaps.Render(weights, view, 4);
        Assert.Equal(2, maps.Count);
        // Neuron 0 is tanh(x1): its zero line is x1 = 0, the canvas's vertical middle; blue left, orange right.
        Assert.Equal([0.5, 1.0, 0.5, 0.0], maps[0].Line!);
        Assert.True(maps[0].Rgba[2] > maps[0].Rgba[0], "left: blue");
        Assert.True(maps[0].Rgba[(4 - 1) * 4] > maps[0].Rgba[(4 - 1) * 4 + 2], "right: orange");
        Assert.Null(maps[1].Line); // tanh(0.5) never crosses 0
        Assert.Equal("tanh(1·x1 + 0·x2 + 0)", maps[0].Formula);
        Assert.Equal([0.0, 0.25, 1.0, 0.75], NeuronMaps.ZeroLine(1, 2, 0, new Viewport(-1, 1, -1, 1))!.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Chart_ticks_are_round_numbers_and_scales_map_into_the_plot()
    {
        Assert.Equal(0.5, Chart.NiceStep(0.31));
        Assert.Equal(20, Chart.NiceStep(11));
        Assert.Equal(1, Chart.NiceStep(1));
        var chart = Chart.FromZero(100, [2.7, double.NaN, 0.4]);
        Assert.Equal(3, chart.YMax);
        Assert.Equal([0, 20, 40, 60, 80, 100], chart.XTicks);
        Assert.Equal(Chart.Height - Chart.Bottom, chart.Y(0));
        Assert.Equal(Chart.Top, chart.Y(3));
        Assert.Equal(Chart.Left, chart.X(0));
        Assert.Equal(Chart.Width - Chart.Right, chart.X(100));
        // A long series is thinned to about the given number of points, keeping the last.
        var many = Enumerable.Range(0, 1000).Select(i => 1.0).ToArray();
        var points = new Chart(1000, 0, 2).Polyline(many, most: 100).Split(' ');
        Assert.InRange(points.Length, 90, 101);
        Assert.StartsWith(Chart.Text(new Chart(1000, 0, 2).X(1000)) + ",", points[^1]);
    }
}
