namespace Micrograd.Cli;

/// <summary>
/// Where a command writes and what it may assume about the terminal. Commands never touch
/// <see cref="Console"/> directly, so that tests can run them in-process with their own writers.
/// </summary>
/// <param name="Out">Standard output: results, summaries, the paths written.</param>
/// <param name="Err">Standard error: errors, warnings and hints.</param>
/// <param name="Interactive">True when <paramref name="Out"/> is a terminal a live display may redraw.</param>
/// <param name="GetEnvironmentVariable">Injectable for tests (MICROGRAD_DOT).</param>
public sealed record CliContext(TextWriter Out, TextWriter Err, bool Interactive, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>A context for in-process use: not interactive, the process's environment.</summary>
    public CliContext(TextWriter @out, TextWriter err) : this(@out, err, false, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Ctrl+C for the commands that stop cleanly (train); none by default.</summary>
    public Interrupts Interrupts { get; init; } = new();

    /// <summary>Called after each training step (tests use it to interrupt at a known step).</summary>
    internal Action<Training.StepRecord>? AfterStep { get; init; }

    /// <summary>The real console: interactive unless standard output is redirected; Ctrl+C is the process's.</summary>
    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable) { Interrupts = new ConsoleInterrupts() };
}
