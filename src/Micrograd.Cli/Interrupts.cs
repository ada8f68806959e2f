using System.Runtime.InteropServices;

namespace Micrograd.Cli;

/// <summary>
/// Ctrl+C, as a command that can stop cleanly sees it: <see cref="Token"/> is cancelled at the first Ctrl+C
/// while the command listens (<see cref="Listen"/>). Commands that do not listen are stopped by Ctrl+C at once,
/// as usual. Tests raise it themselves.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A CancellationTokenSource without a timer holds nothing to release; an Interrupts lives as long as the command.")]
public class Interrupts
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Cancelled once Ctrl+C was pressed (or <see cref="Raise"/> called).</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether Ctrl+C was pressed.</summary>
    public bool Raised => _source.IsCancellationRequested;

    /// <summary>Acts as a first Ctrl+C.</summary>
    public void Raise() => _source.Cancel();

    /// <summary>From now until the result is disposed, a first Ctrl+C raises <see cref="Token"/> instead of
    /// ending the process. The base class, for in-process use, listens to nothing.</summary>
    public virtual IDisposable Listen() => new NoRegistration();

    private sealed class NoRegistration : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>The process's own Ctrl+C (SIGINT). A second Ctrl+C ends the process at once, as the user then
/// insists.</summary>
internal sealed class ConsoleInterrupts : Interrupts
{
    public override IDisposable Listen() =>
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Raised) return; // the second: let it end the process
            context.Cancel = true;
            Raise();
        });
}
