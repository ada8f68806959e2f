namespace Micrograd.Cli;

/// <summary>
/// A problem with what the user asked for (a bad argument, a missing file, an impossible combination). The
/// command line prints its message as one <c>error:</c> line and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
public class CliException : Exception
{
    /// <summary><paramref name="message"/> says what was expected and what came.</summary>
    public CliException(string message) : base(message)
    {
    }

    public CliException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Lines printed after the error line (such as a caret under an expression), or none.</summary>
    public virtual IReadOnlyList<string> Details => [];
}

/// <summary>An output could not be written (no permission, no space, ...): exit code
/// <see cref="ExitCodes.Failure"/>, as a failure of the machine rather than of the input.</summary>
public sealed class OutputWriteException(string message, Exception? inner = null) : Exception(message, inner);

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input: an invalid argument or option, a missing, unreadable or malformed file, or settings
    /// that do not fit together.</summary>
    public const int BadInput = 1;

    /// <summary>The command failed for another reason: writing an output failed, Graphviz failed, or an
    /// unexpected internal error.</summary>
    public const int Failure = 2;

    /// <summary>Stopped with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
