using Bunit;
using Micrograd.Playground.Components;
using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Components;

public class CurvesTests : PlaygroundTestContext
{
    [Fact]
    public void One_point_per_finite_value_on_axes_with_ticks_and_validation_marks()
    {
        var view = Render<Curves>(p => p
            .Add(c => c.Losses, [2.0, 1.0, double.NaN, 0.0])
            .Add(c => c.Accuracies, [0.5, 1.0])
            .Add(c => c.Validation, [new ValidationMark(0, 1.5, 0.25)])
            .Add(c => c.Steps, 4));
        var chart = Chart.FromZero(4, [2.0, 1.0, 0.0, 1.5]);
        var loss = view.Find("#loss-curve polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(new[] { (1, 2.0), (2, 1.0), (4, 0.0) }.Select(p => $"{Chart.Text(chart.X(p.Item1))},{Chart.Text(chart.Y(p.Item2))}"), loss);
        Assert.Equal(["0", "0.5", "1", "1.5", "2"], view.FindAll("#loss-curve text.y-tick").Select(t => t.TextContent));
        Assert.Equal(["0%", "50%", "100%"], view.FindAll("#accuracy-curve text.y-tick").Select(t => t.TextContent));
        Assert.Equal(["0", "1", "2", "3", "4"], view.FindAll("#loss-curve text.x-tick").Select(t => t.TextContent));
        var mark = view.Find("#loss-curve circle.validation");
        Assert.Equal(Chart.Text(chart.Y(1.5)), mark.GetAttribute("cy"));
        Assert.Single(view.FindAll("#accuracy-curve circle.validation"));
    }
}
