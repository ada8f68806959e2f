using System.Diagnostics;

namespace Micrograd.Playground.Tests.Browser;

/// <summary>
/// The playground published as a static site into a temporary folder, once for all browser tests: optimized
/// and trimmed as a Release publish, no AOT (the default), without the precompressed .br/.gz copies, which a
/// static host may use but the test server does not need and which take a while to make.
/// </summary>
/// <remarks>The configuration is named BrowserTest rather than Release so that its bin/ and obj/ folders are
/// its own: the examples' tests build the library in Release at the same time, and two builds writing one
/// obj/ folder race.</remarks>
public sealed class PublishedApp : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "micrograd-playground-" + Guid.NewGuid().ToString("N"));

    public PublishedApp()
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", Path.Combine(RepositoryRoot, "src", "Micrograd.Playground"), "-c", "BrowserTest", "-p:Optimize=true",
                "-p:CompressionEnabled=false", "-o", _folder, "--nologo",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host runs inside `dotnet test`; these would point the publish at that one's MSBuild.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of the playground took more than 5 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish of the playground failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        PublishTime = clock.Elapsed;
        Root = Path.Combine(_folder, "wwwroot");
        Server = new StaticServer(Root);
    }

    /// <summary>The published site's folder (what a static host serves).</summary>
    public string Root { get; }

    public StaticServer Server { get; }

    /// <summary>How long the publish took.</summary>
    public TimeSpan PublishTime { get; }

    /// <summary>The folder holding Micrograd.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Micrograd.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException($"No Micrograd.slnx above {AppContext.BaseDirectory}.");
        }
    }

    public void Dispose()
    {
        Server.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
