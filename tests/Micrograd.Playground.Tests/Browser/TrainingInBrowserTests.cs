using Micrograd.Training;
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

        // The page stays responsive while training: Pause, clicked during a long run, stops it (a run long enough
        // that it cannot end first: 1,000 steps once could).
        page.Type("set-steps", "1000000");
        page.Until(d => d.FindElement(By.Id("train-status")).Text.Contains("of 1000000"), "a run of 1,000,000 steps");
        page.DrawnCanvas("boundary");
        page.Find("train-run").Click();
        page.Until(d => int.Parse(d.FindElement(By.Id("train-steps")).Text) > 0, "training to start");
        page.Find("train-pause").Click();
        page.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false", "training to pause");
        int paused = int.Parse(page.Find("train-steps").Text);
        Assert.InRange(paused, 1, 999_999);
        output.WriteLine($"paused at step {paused} of 1000000");

        // Back to the preset's 100 steps: a settings change starts a fresh model.
        page.Type("set-steps", "100");
        page.Until(d => d.FindElement(By.Id("train-status")).Text.StartsWith("step 0 of 100", StringComparison.Ordinal), "the moons preset");
        page.Find("train-run").Click();
        page.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false"
                        && d.FindElement(By.Id("train-steps")).Text == "100", "100 steps");
        // Reported, not asserted: speed is measured, never a pass/fail condition of a unit test.
        output.WriteLine($"steps per second: {page.Find("steps-per-second").Text}");
        Assert.Equal("100%", page.Find("train-accuracy").Text);
        Assert.EndsWith("%", page.Find("validation-accuracy").Text);   // the validation points, never trained on
        Assert.NotEqual("0.0000", page.Find("train-l2").Text);         // the moons preset's L2 term, α = 1e-4
        Assert.Equal(16, page.Browser.Driver.FindElements(By.CssSelector("#neuron-tiles canvas")).Count);
        page.DrawnCanvas("neuron-tile-15");
        Assert.NotEmpty(page.Find("watch-update").GetAttribute("data-value")!); // L1N0.w0, followed from the start
        page.Screenshot("training");
    }

    [Fact]
    public void A_link_opens_yinyang_whose_AdamW_state_the_page_follows()
    {
        using var page = new PlaygroundPage(app, "?view=training&preset=yinyang", "train-status");
        Assert.Equal("yinyang", page.Find("dataset").GetAttribute("value"));
        Assert.Equal(3, page.Find("click-mode").FindElements(By.CssSelector("option[value^=add]")).Count);
        page.Select("watch-choice", "0.2.1"); // L1N2.w1
        for (int i = 1; i <= 3; i++)
        {
            if (i == 2)
            {
                // After the first update the library's m is (1 - β1)·g and its v (1 - β2)·g², yin-yang's β1 = 0.9, β2 = 0.95.
                double g = Number(page, "watch-grad");
                Assert.NotEqual(0, g);
                Assert.Equal((1 - Presets.YinYang.Beta1) * g, Number(page, "watch-m"), 1e-9);
                Assert.Equal(Math.Sqrt(1 - Presets.YinYang.Beta2) * Math.Abs(g), Number(page, "watch-sqrtv"), 1e-9);
            }
            page.Find("train-step").Click();
            page.Until(d => d.FindElement(By.Id("train-steps")).Text == i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"step {i}");
        }
        // The update AdamW's rule computes from the library's m and √v is the library's (the table shows both).
        page.Until(d => d.FindElement(By.Id("watch-m")).Text.Length > 0, "m");
        Assert.Equal(page.Find("watch-update").Text, page.Find("watch-predicted").Text);
        Assert.NotEqual("0", page.Find("watch-sqrtv").Text);
        page.Screenshot("adamw");
    }

    private static double Number(PlaygroundPage page, string id) =>
        double.Parse(page.Find(id).GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture);
}
