using System.Diagnostics;

namespace Micrograd.Cli.Graphs;

/// <summary>
/// Graphviz's <c>dot</c> program, which turns DOT text into SVG or PNG. It is found on the PATH, or where the
/// <c>--dot</c> option or the MICROGRAD_DOT environment variable says (which also lets tests pretend it is
/// missing by pointing at a file that does not exist).
/// </summary>
internal static class Graphviz
{
    /// <summary>The environment variable naming the dot executable.</summary>
    public const string EnvironmentVariable = "MICROGRAD_DOT";

    /// <summary>How to install Graphviz, for messages.</summary>
    public const string InstallHint =
        "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz) " +
        "or point " + EnvironmentVariable + " at the dot program";

    /// <summary>The dot executable to run, or null when there is none.</summary>
    /// <param name="option">The --dot option, if given: a path or a program name.</param>
    /// <param name="getEnvironmentVariable">Reads MICROGRAD_DOT and PATH.</param>
    public static string? Locate(string? option, Func<string, string?> getEnvironmentVariable)
    {
        string? wanted = option ?? NullIfEmpty(getEnvironmentVariable(EnvironmentVariable));
        if (wanted is not null && (wanted.Contains('/') || wanted.Contains('\\')))
            return File.Exists(wanted) ? wanted : null; // a path: exactly that file, or nothing
        return SearchPath(wanted ?? "dot", getEnvironmentVariable("PATH"));
    }

    /// <summary>Runs <paramref name="dot"/> on <paramref name="dotText"/> and returns the rendered bytes.</summary>
    /// <param name="dot">The executable.</param>
    /// <param name="dotText">The graph.</param>
    /// <param name="format">svg or png.</param>
    /// <exception cref="GraphvizException">When dot cannot start, fails, or takes too long.</exception>
    public static byte[] Render(string dot, string dotText, string format)
    {
        var start = new ProcessStartInfo(dot)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-T" + format);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GraphvizException($"could not start {dot}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GraphvizException($"could not run {dot}: {e.Message}");
        }

        using (process)
        {
            // Read both pipes while writing, so that a large output cannot fill a pipe and stall dot.
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            bool tookInput = true;
            try
            {
                process.StandardInput.Write(dotText);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                tookInput = false; // it closed its input early ("broken pipe"): most often it failed, as its exit code says
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new GraphvizException($"{dot} took more than 60 seconds");
            }
            copy.Wait();
            string said = ErrorReport.OneLine(errors.Result);
            if (process.ExitCode != 0)
                throw new GraphvizException($"{dot} failed (exit code {process.ExitCode}){(said.Length > 0 ? ": " + said : ", saying nothing on standard error")}");
            if (!tookInput)
                throw new GraphvizException($"{dot} stopped reading the graph before its end, yet exited with 0{(said.Length > 0 ? ": " + said : "")}");
            return output.ToArray();
        }
    }

    private static string? SearchPath(string program, string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program] : [program];
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>Graphviz was found but could not render the graph.</summary>
internal sealed class GraphvizException(string message) : Exception(message);
