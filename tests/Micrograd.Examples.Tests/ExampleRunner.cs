using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Micrograd.Examples.Tests;

/// <summary>What an example printed.</summary>
public sealed record ExampleRun(string Path, int ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    /// <summary>The printed lines, without trailing spaces.</summary>
    public IReadOnlyList<string> Lines { get; } = Output.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();

    public override string ToString() =>
        $"`dotnet run {Path}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s.\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// Runs an example exactly as the tutorial tells a reader to: <c>dotnet run examples/NN-name.cs</c> from the
/// repository root. Each example runs once per test run, however many tests read its output; at most two run
/// at a time, since each one is first built (about 10 s on a 2-core machine, then cached by the SDK).
/// </summary>
public static class ExampleRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ExampleRun>>> s_runs = new();
    private static readonly SemaphoreSlim s_slots = new(2);
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public static Task<ExampleRun> Run(string name) => RunFile($"examples/{name}.cs");

    /// <summary>Runs any file-based program, by its path from the repository root.</summary>
    public static Task<ExampleRun> RunFile(string relativePath) =>
        s_runs.GetOrAdd(relativePath, p => new Lazy<Task<ExampleRun>>(() => Start(p))).Value;

    /// <summary>Runs the example and fails the test unless it exited with 0.</summary>
    public static async Task<ExampleRun> RunOk(string name)
    {
        var run = await Run(name);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static async Task<ExampleRun> Start(string relativePath)
    {
        string file = Path.Combine(Repo.Root, relativePath);
        if (!File.Exists(file)) throw new FileNotFoundException($"Expected the program {file}.", file);

        await s_slots.WaitAsync();
        try
        {
            var info = new ProcessStartInfo(DotnetHost(), ["run", relativePath])
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            // The test host runs inside `dotnet test`; these would point the example's own build at that one's MSBuild.
            foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
                info.Environment.Remove(variable);
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(s_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`dotnet run {relativePath}` did not finish within {s_timeout.TotalMinutes} minutes.");
            }
            return new ExampleRun(relativePath, process.ExitCode, await stdout, await stderr, clock.Elapsed);
        }
        finally
        {
            s_slots.Release();
        }
    }

    // The dotnet that runs these tests, so that the examples build with the same SDK.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
