namespace Micrograd.Onnx.Tests;

/// <summary>A test that needs Linux's /proc/self/status (a file that reports a length of 0 and then gives more
/// than a kilobyte): reported as skipped, with the reason, where there is no such file.</summary>
public sealed class ProcFactAttribute : FactAttribute
{
    public const string Status = "/proc/self/status";

    public ProcFactAttribute()
    {
        if (!File.Exists(Status)) Skip = $"{Status} does not exist here (it is Linux's); nothing to test the length-0 case with.";
    }
}
