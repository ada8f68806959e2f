using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Micrograd.Playground.Tests.Browser;

[Collection(PlaygroundCollection.Name)]
public sealed class TrainingInBrowserTests(PublishedApp app, ITestOutputHelper output)
{
    [Fact]
    public void Moons_preset_trains_100_steps_to_100_percent()
    {
        using var page = new PlaygroundPage(app);
        output.WriteLine($"publish: {app.PublishTime.TotalSeconds:0.0} s");
        page.Open("training");
        page.Until(d => d.FindElement(By.Id("train-status")), "the training view");
        Assert.Equal("0", page.Find("train-steps").Text);

        // The page stays responsive while training: Pause, clicked during a long run, stops it.
        page.Type("set-steps", "1000");
        page.Until(d => d.FindElement(By.Id("train-status")).Text.Contains("of 1000"), "a run of 1000 steps");
        page.Find("train-run").Click();
        page.Until(d => int.Parse(d.FindElement(By.Id("train-steps")).Text) > 0, "training to start");
        page.Find("train-pause").Click();
        page.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false", "training to pause");
        int paused = int.Parse(page.Find("train-steps").Text);
        Assert.InRange(paused, 1, 999);
        output.WriteLine($"paused at step {paused} of 1000");

        // Back to the preset's 100 steps: a settings change starts a fresh model.
        page.Type("set-steps", "100");
        page.Until(d => d.FindElement(By.Id("train-status")).Text.StartsWith("step 0 of 100", StringComparison.Ordinal), "the moons preset");
        page.Find("train-run").Click();
        page.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false"
                        && d.FindElement(By.Id("train-steps")).Text == "100", "100 steps");
        // Reported, not asserted: speed is measured, never a pass/fail condition of a unit test.
        output.WriteLine($"steps per second: {page.Find("steps-per-second").Text}");
        Assert.Equal("100%", page.Find("train-accuracy").Text);
        page.Screenshot("training");
    }
}
