using Bunit;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class NeuronViewTests : PlaygroundTestContext
{
    [Fact]
    public void The_lectures_neuron_updates_its_graph_as_a_slider_moves()
    {
        var view = Render<NeuronView>();
        Assert.Equal("0.7071", view.Find("#neuron-output").TextContent);
        var first = DrawnDots.Last();
        Assert.Contains("{ o | data 0.7071 | grad 1.0000 }", first);
        Assert.Contains("{ w1 | data -3.0000 | grad 1.0000 }", first); // dn/dw1 = x1 = 2, times do/dn = 0.5

        view.Find("#neuron-x2").Input("1");
        double o = Math.Tanh(2 * -3.0 + 1 * 1.0 + 6.8813735870195432);
        Assert.Equal(o.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), view.Find("#neuron-output").TextContent);
        Assert.Contains("{ x2 | data 1.0000 | grad", DrawnDots.Last());
        Assert.Equal(2, DrawnDots.Count());
    }
}
