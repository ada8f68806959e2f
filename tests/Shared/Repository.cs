namespace Micrograd.Testing;

/// <summary>Files of the repository the tests run from, found upwards from the test assembly.</summary>
internal static class Repository
{
    /// <summary>The folder holding Micrograd.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of <paramref name="parts"/> under <see cref="Root"/>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The text of the file at <paramref name="parts"/> under <see cref="Root"/>.</summary>
    public static string Read(params string[] parts) => System.IO.File.ReadAllText(File(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Micrograd.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Expected Micrograd.slnx in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
