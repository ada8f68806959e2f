namespace TutorialPictures;

internal static class Paths
{
    /// <summary>The folder holding Micrograd.slnx, found upwards from the current folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Micrograd.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Expected Micrograd.slnx in {Environment.CurrentDirectory} or a folder above it: run this from the repository.");
    }
}
