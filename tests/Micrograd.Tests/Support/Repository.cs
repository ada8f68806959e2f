namespace Micrograd.Tests.Support;

internal static class Repository
{
    /// <summary>The folder holding Micrograd.slnx, for tests that check a file of the repository (a README).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Micrograd.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Expected Micrograd.slnx in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
