namespace Micrograd.Cli.Tests;

/// <summary>What one in-process run of the command line returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    /// <summary>The lines written to standard error.</summary>
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The lines written to standard output.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs <see cref="Cli.Run(string[], CliContext)"/> with captured output, as a script would see it
/// (not interactive: no live display).</summary>
public static class CliRunner
{
    /// <summary>Runs the command line with the process's environment.</summary>
    public static CliResult Run(params string[] args) => Run(Environment.GetEnvironmentVariable, args);

    /// <summary>Runs the command line with an environment of the test's choosing.</summary>
    public static CliResult Run(Func<string, string?> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Run(args, new CliContext(stdout, stderr, Interactive: false, environment));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the contract for bad input: exit code 1, exactly one line on stderr starting with
    /// "error: ", no stack trace, nothing on stdout.</summary>
    public static void AssertBadInput(CliResult result, params string[] mentions)
    {
        Assert.True(result.ExitCode == ExitCodes.BadInput, $"expected exit code 1, got {result.ExitCode}; stderr: {result.Err}");
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Exception", result.Err);
        Assert.Equal("", result.Out);
        foreach (var m in mentions) Assert.Contains(m, line);
    }
}
