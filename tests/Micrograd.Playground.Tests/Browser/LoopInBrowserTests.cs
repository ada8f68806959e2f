using System.Globalization;
using OpenQA.Selenium;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>The training-step stepper, opened by its link.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class LoopInBrowserTests(PublishedApp app)
{
    [Fact]
    public void Five_presses_make_a_step_and_the_loss_falls_over_ten_more()
    {
        using var page = new PlaygroundPage(app, "?view=loop", "loop-next");
        string[] phases = ["forward", "loss", "zero_grad", "backward", "update"];
        foreach (var phase in phases)
        {
            page.Find("loop-next").Click();
            page.Until(d => d.FindElement(By.Id("loop-status")).GetAttribute("data-last") == phase, phase);
        }
        Assert.Equal("1", page.Find("loop-steps").Text);
        Assert.Equal(41, page.Find("loop-params").FindElements(By.CssSelector("td.changed")).Count); // update moved every parameter
        double first = double.Parse(page.Find("loop-loss").Text, CultureInfo.InvariantCulture);

        page.Find("loop-run").Click();
        page.Until(d => d.FindElement(By.Id("loop-status")).GetAttribute("data-step") == "11", "ten more steps");
        Assert.True(double.Parse(page.Find("loop-loss").Text, CultureInfo.InvariantCulture) < first, "the loss falls at the lecture's rate");
        page.Screenshot("loop");

        // A learning rate far too large: the loss grows, and the page says so.
        page.Type("loop-lr", "3");
        page.Find("loop-reset").Click();
        page.Until(d => d.FindElement(By.Id("loop-status")).GetAttribute("data-step") == "0", "a new network");
        for (int i = 1; i <= 3; i++)
        {
            page.Find("loop-run").Click();
            int steps = 10 * i;
            page.Until(d => d.FindElement(By.Id("loop-status")).GetAttribute("data-step") == steps.ToString(CultureInfo.InvariantCulture), $"{steps} steps");
        }
        Assert.Equal("3", page.Find("loop-lr").GetAttribute("value"));
        var losses = page.Find("loop-curve").GetAttribute("data-losses")!.Split(' ').Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(30, losses.Length);
        Assert.Contains(Enumerable.Range(1, 29), i => losses[i] > losses[i - 1]); // steps that overshoot
    }
}
