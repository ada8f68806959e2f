using OpenQA.Selenium;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>The published playground open in headless Chromium, with the few moves the tests make.</summary>
internal sealed class PlaygroundPage : IDisposable
{
    private readonly HeadlessChromium _browser = new();

    public PlaygroundPage(PublishedApp app)
    {
        _browser.Driver.Navigate().GoToUrl(app.Server.Url);
        _browser.Until(d => d.FindElement(By.Id("expr-input")), "the app to start");
    }

    public HeadlessChromium Browser => _browser;

    public IWebElement Find(string id) => _browser.Find(id);

    public T Until<T>(Func<IWebDriver, T> condition, string what) => _browser.Until(condition, what);

    /// <summary>Opens a view by its tab ("expression", "neuron", "training").</summary>
    public void Open(string view) => Find("tab-" + view).Click();

    /// <summary>Replaces the text of an input as a person would: select all, type, then Tab (the change event).</summary>
    public void Type(string id, string text)
    {
        var input = Find(id);
        input.SendKeys(Keys.Control + "a");
        input.SendKeys(text + Keys.Tab);
    }

    /// <summary>Waits until graph <paramref name="id"/> has been drawn by Graphviz at least
    /// <paramref name="times"/> times, and returns its SVG element.</summary>
    public IWebElement DrawnGraph(string id, int times = 1) => Until<IWebElement>(d =>
    {
        var graph = d.FindElement(By.Id(id));
        return int.TryParse(graph.GetAttribute("data-drawn"), out int n) && n >= times ? graph.FindElement(By.TagName("svg")) : null!;
    }, $"graph {id} to be drawn");

    /// <summary>A screenshot playground-<paramref name="name"/>.png in the test's output folder; with
    /// MICROGRAD_UPDATE_SCREENSHOTS=1 into docs/images, where the README takes it from (a plain test run leaves
    /// the working tree as it was).</summary>
    public void Screenshot(string name)
    {
        string folder = Environment.GetEnvironmentVariable("MICROGRAD_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(PublishedApp.RepositoryRoot, "docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        _browser.Screenshot(Path.Combine(folder, $"playground-{name}.png"));
    }

    public void Dispose() => _browser.Dispose();
}
