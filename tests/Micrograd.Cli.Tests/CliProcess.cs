using System.Diagnostics;

namespace Micrograd.Cli.Tests;

/// <summary>Runs the built <c>micrograd</c> command (Micrograd.Cli.dll beside the tests) in a process of its own,
/// for what only a real process shows: signals, redirected standard streams, the shell's view.</summary>
public static class CliProcess
{
    /// <summary>The dotnet host running the tests, which also runs the command.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Micrograd.Cli.dll");

    /// <summary>Starts <c>micrograd</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>,
    /// standard input, output and error redirected.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
