using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Micrograd.Playground.Tests.Browser;

[Collection(PlaygroundCollection.Name)]
public sealed class TrainingInBrowserTests(PublishedApp app, ITestOutputHelper output)
{
    [Fact]
    public void Moons_preset_trains_100_steps_to_100_percent()
    {
        using var browser = new HeadlessChromium();
        output.WriteLine($"publish: {app.PublishTime.TotalSeconds:0.0} s");
        browser.Driver.Navigate().GoToUrl(app.Server.Url);
        browser.Until(d => d.FindElement(By.Id("tab-training")), "the page to start").Click();
        browser.Until(d => d.FindElement(By.Id("train-status")), "the training view");
        Assert.Equal("0", browser.Find("train-steps").Text);

        browser.Find("train-run").Click();
        browser.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false"
                           && d.FindElement(By.Id("train-steps")).Text == "100", "100 steps");
        output.WriteLine($"steps per second: {browser.Find("steps-per-second").Text}");
        Assert.Equal("100%", browser.Find("train-accuracy").Text);
    }
}
