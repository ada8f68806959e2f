using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven by Debian's chromedriver (never a downloaded browser).</summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>The longest any wait on the page may take.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(90);

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "micrograd-chromium-" + Guid.NewGuid().ToString("N"));

    public HeadlessChromium()
    {
        foreach (string path in new[] { ChromiumPath, DriverPath })
            if (!File.Exists(path))
                throw new FileNotFoundException($"The browser tests need Debian's chromium and chromium-driver ({path} is missing): apt-get install chromium chromium-driver, as .ci/run does.", path);

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={_profile}", "--window-size=1400,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeLimit);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Waits until <paramref name="condition"/> returns a non-null, non-false value, up to the time limit.</summary>
    public T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeLimit) { Message = $"waiting for {what}", PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public IWebElement Find(string id) => Driver.FindElement(By.Id(id));

    /// <summary>Saves a PNG of the window.</summary>
    public void Screenshot(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Driver.GetScreenshot().SaveAsFile(path);
    }

    public void Dispose()
    {
        Driver.Quit();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
