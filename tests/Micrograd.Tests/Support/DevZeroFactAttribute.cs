namespace Micrograd.Tests.Support;

/// <summary>A test that reads /dev/zero, a file without end: reported as skipped, with the reason, where there
/// is none (Windows).</summary>
public sealed class DevZeroFactAttribute : FactAttribute
{
    public const string Path = "/dev/zero";

    public DevZeroFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} does not exist here; nothing to test an endless stream with.";
    }
}
