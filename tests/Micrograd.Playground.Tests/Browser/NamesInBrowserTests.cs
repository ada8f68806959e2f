using System.Globalization;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>The Names view: makemore's bigram and MLP learn names.txt in the browser.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class NamesInBrowserTests(PublishedApp app, ITestOutputHelper output)
{
    [Fact]
    public void Bigram_and_mlp_learn_names_and_a_clicked_name_shows_its_probabilities()
    {
        using var page = new PlaygroundPage(app, "?view=names", "names-run");
        Assert.Contains("active", page.Find("tab-names").GetAttribute("class"));
        Assert.Equal(10, Samples(page).Count);
        double untrained = Number(page, "names-test-loss");
        Assert.InRange(untrained, 3.0, 3.6); // about ln 27, a uniform guess

        Train(page, "bigram", 300);
        ChooseLongestName(page);

        page.Select("names-model", "mlp");
        page.Until(d => d.FindElement(By.Id("names-status")).GetAttribute("data-steps") == "0", "a new MLP");
        Assert.Empty(page.Browser.Driver.FindElements(By.Id("names-probs"))); // a new model forgets the chosen name
        Train(page, "mlp", 100);
        ChooseLongestName(page);
        page.Screenshot("names");
    }

    // Start, wait for the samples and evaluation at step `steps` or later, pause; the test loss has fallen.
    private void Train(PlaygroundPage page, string model, int steps)
    {
        double before = Number(page, "names-test-loss");
        page.Find("names-run").Click();
        page.Until(d => int.Parse(d.FindElement(By.Id("names-sampled-at")).Text, CultureInfo.InvariantCulture) >= steps, $"{model}: samples at step {steps}");
        page.Find("names-pause").Click();
        page.Until(d => d.FindElement(By.Id("names-status")).GetAttribute("data-running") == "false", "training to pause");
        double after = Number(page, "names-test-loss");
        output.WriteLine($"{model}: {page.Find("names-steps-per-second").Text} steps/s, paused at step {page.Find("names-steps").Text}; " +
                         $"test loss {before:0.000} -> {after:0.000}; samples: {string.Join(", ", Samples(page).Select(s => s.Text))}");
        Assert.True(after < before - 0.3, $"{model}: the test loss fell from {before} to {after}");
        Assert.Equal(10, Samples(page).Count);
    }

    // Clicks the longest sampled name; each of its positions shows 27 probabilities that sum to 1.
    private static void ChooseLongestName(PlaygroundPage page)
    {
        var longest = Samples(page).MaxBy(s => s.Text.Length)!;
        string word = longest.Text;
        longest.Click();
        var table = page.Until(d => d.FindElement(By.Id("names-probs")).GetAttribute("data-word") == word ? d.FindElement(By.Id("names-probs")) : null!, $"the probabilities in '{word}'");
        var rows = table.FindElements(By.CssSelector("tr.position"));
        Assert.Equal(word.Length + 1, rows.Count);
        foreach (var row in rows)
        {
            var p = row.FindElements(By.CssSelector("td[data-p]")).Select(td => double.Parse(td.GetAttribute("data-p")!, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(27, p.Length);
            Assert.Equal(1.0, p.Sum(), 1e-9);
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<IWebElement> Samples(PlaygroundPage page) => page.Browser.Driver.FindElements(By.CssSelector("#names-samples .name-sample"));

    private static double Number(PlaygroundPage page, string id) => double.Parse(page.Find(id).Text, CultureInfo.InvariantCulture);
}
