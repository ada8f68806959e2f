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

    [Fact]
    public void The_neurons_backward_pass_steps_node_by_node()
    {
        var view = Render<NeuronView>();
        view.Find("#step-reset").Click();
        Assert.Equal("o", view.Find("#step-current").TextContent);
        Assert.Contains("{ w1 | data -3.0000 | grad 0.0000 }", DrawnDots.Last());
        view.Find("#step-step").Click();
        Assert.Equal("n", view.Find("#step-receivers").GetAttribute("data-labels"));
        Assert.Contains("n.grad += (local do/dn = 1 − tanh² = 0.5)", view.Find("#step-arithmetic").TextContent);
        view.Find("#step-run").Click();
        Assert.Contains("{ w1 | data -3.0000 | grad 1.0000 }", DrawnDots.Last());
        Assert.Empty(view.FindAll("#step-check tr.differs"));
    }
}
