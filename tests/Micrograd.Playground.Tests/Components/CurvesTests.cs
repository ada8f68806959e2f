using Bunit;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class CurvesTests : PlaygroundTestContext
{
    [Fact]
    public void One_point_per_finite_value_scaled_into_the_chart()
    {
        var view = Render<Curves>(p => p
            .Add(c => c.Losses, [2.0, 1.0, double.NaN, 0.0])
            .Add(c => c.Accuracies, [0.5, 1.0])
            .Add(c => c.Steps, 4));
        var loss = view.Find("#loss-curve polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(["75,4", "150,60", "300,116"], loss); // the NaN step is left out; the largest loss is at the top
        Assert.Equal(["75,60", "150,4"], view.Find("#accuracy-curve polyline").GetAttribute("points")!.Split(' '));
    }
}
