namespace Micrograd.Cli.Tests;

/// <summary>A theory that runs a shell script as a stand-in program: reported as skipped, with the reason, on
/// Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "The stand-in program is a shell script, which Windows cannot run.";
    }
}
