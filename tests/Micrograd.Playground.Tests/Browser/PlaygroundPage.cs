using OpenQA.Selenium;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>The published playground open in headless Chromium, with the few moves the tests make.</summary>
internal sealed class PlaygroundPage : IDisposable
{
    private readonly HeadlessChromium _browser = new();

    /// <summary>Opens the app at <paramref name="query"/> (such as "?view=loop") and waits for element
    /// <paramref name="readyId"/>, which shows that the view has started.</summary>
    public PlaygroundPage(PublishedApp app, string query = "", string readyId = "expr-input")
    {
        _browser.Driver.Navigate().GoToUrl(app.Server.Url + query);
        _browser.Until(d => d.FindElement(By.Id(readyId)), "the app to start");
    }

    /// <summary>Sets a select element's value as a person picking an option would (the change event).</summary>
    public void Select(string id, string value)
    {
        _browser.Driver.ExecuteScript("const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));", id, value);
    }

    /// <summary>Waits until canvas <paramref name="id"/> has been drawn at least <paramref name="times"/> times.</summary>
    public void DrawnCanvas(string id, int times = 1) => Until(d =>
        int.TryParse(d.FindElement(By.Id(id)).GetAttribute("data-drawn"), out int n) && n >= times, $"canvas {id} to be drawn");

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
