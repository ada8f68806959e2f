using System.Globalization;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>
/// The numbers docs/playground.md reports: the published size, the time until the first graph shows, and the
/// moons preset's training speed on each engine. Printed, never asserted (speed depends on the machine and on
/// what else runs); the test checks only that each run trains to its end.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class SpeedInBrowserTests(PublishedApp app, ITestOutputHelper output)
{
    /// <summary>Long enough that a run's start (the first slices, while the jiterpreter compiles) weighs little.</summary>
    private const int Steps = 2000;

    [Fact]
    public void Measures_first_load_and_the_moons_presets_steps_per_second()
    {
        var files = new DirectoryInfo(app.Root).EnumerateFiles("*", SearchOption.AllDirectories).ToArray();
        output.WriteLine($"publish: {files.Sum(f => f.Length) / 1048576.0:0.00} MiB in {files.Length} files " +
                         $"(_framework {files.Where(f => f.FullName.Contains("_framework", StringComparison.Ordinal)).Sum(f => f.Length) / 1048576.0:0.00} MiB), uncompressed");

        using (var first = new HeadlessChromium())
        {
            first.Driver.Navigate().GoToUrl(app.Server.Url);
            first.Until(d => int.TryParse(d.FindElement(By.Id("expr-graph")).GetAttribute("data-drawn"), out int n) && n >= 1, "the first graph");
            output.WriteLine($"first graph: {Convert.ToDouble(first.Driver.ExecuteScript("return performance.now()"), CultureInfo.InvariantCulture):0} ms after navigation started (a fresh profile: nothing cached)");
        }

        using var page = new PlaygroundPage(app, "?view=training", "train-status");
        // Each engine twice, in turns, so that a change in the machine's load or the jiterpreter's warming up does
        // not favour one of them.
        foreach (var (engine, precision) in new[] { ("tensor", "float64"), ("tape", "float64"), ("tensor", "float32"), ("tensor", "float64"), ("tape", "float64"), ("dynamic", "float64") })
        {
            page.Select("set-engine", engine);
            if (engine == "tensor") page.Select("set-precision", precision);
            int steps = engine == "dynamic" ? Steps / 10 : Steps; // the dynamic engine is far slower: fewer steps
            page.Type("set-steps", steps.ToString(CultureInfo.InvariantCulture));
            page.Until(d => d.FindElement(By.Id("train-status")).Text.StartsWith($"step 0 of {steps}", StringComparison.Ordinal), $"a fresh run of {steps} steps");
            page.Find("train-run").Click();
            page.Until(d => d.FindElement(By.Id("train-status")).GetAttribute("data-running") == "false"
                            && d.FindElement(By.Id("train-steps")).Text == steps.ToString(CultureInfo.InvariantCulture), $"{steps} steps on {engine}");
            Assert.True(double.IsFinite(double.Parse(page.Find("train-loss").Text, CultureInfo.InvariantCulture)));
            output.WriteLine($"moons, {engine} {precision}: {page.Find("steps-per-second").Text} steps/s over {steps} steps, accuracy {page.Find("train-accuracy").Text}");
        }
    }
}
