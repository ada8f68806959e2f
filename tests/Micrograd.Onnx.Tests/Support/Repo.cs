namespace Micrograd.Onnx.Tests.Support;

/// <summary>The repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The folder holding Micrograd.slnx, found upwards from the test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Micrograd.slnx"))) return dir.FullName;
            throw new InvalidOperationException($"No Micrograd.slnx above {AppContext.BaseDirectory}.");
        }
    }
}
