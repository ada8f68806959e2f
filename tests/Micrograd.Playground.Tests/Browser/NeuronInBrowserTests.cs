using System.Globalization;
using OpenQA.Selenium;

namespace Micrograd.Playground.Tests.Browser;

[Collection(PlaygroundCollection.Name)]
public sealed class NeuronInBrowserTests(PublishedApp app)
{
    [Fact]
    public void Moving_a_slider_redraws_the_neuron_with_the_librarys_output()
    {
        using var page = new PlaygroundPage(app);
        page.Open("neuron");
        page.DrawnGraph("neuron-graph");
        Assert.Equal("0.7071", page.Find("neuron-output").Text); // the lecture's o = tanh(0.8814) = 1/√2

        page.Find("neuron-w1").SendKeys(Keys.ArrowRight); // w1: -3 → -2.99 (the slider's step is 0.01)
        page.Until(d => d.FindElement(By.Id("neuron-w1-value")).Text == "-2.99", "w1 to move");
        var o = (new Value(2.0) * new Value(-2.99) + new Value(0.0) * new Value(1.0) + new Value(6.8813735870195432)).Tanh();
        page.Until(d => d.FindElement(By.Id("neuron-output")).Text == o.Data.ToString("0.0000", CultureInfo.InvariantCulture), "the new output");
        page.DrawnGraph("neuron-graph", times: 2);

        // Its backward pass, from the start: o passes its gradient to n.
        page.Find("step-reset").Click();
        page.Until(d => d.FindElement(By.Id("step-position")).Text == "0", "the walk to reset");
        page.Find("step-step").Click();
        page.Until(d => d.FindElement(By.Id("step-receivers")).GetAttribute("data-labels") == "n", "n to receive o's gradient");
        page.DrawnGraph("neuron-graph", times: 4);
        page.Screenshot("neuron");
    }
}
