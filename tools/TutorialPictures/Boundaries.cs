using Micrograd.Cli;

namespace TutorialPictures;

/// <summary>The pictures `micrograd train` draws, from the command itself, run in-process.</summary>
internal static class Boundaries
{
    public static byte[] Train(string preset, string file)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"tutorial-pictures-{preset}-{Guid.NewGuid():N}");
        try
        {
            Console.WriteLine($"running micrograd train --preset {preset}");
            int exit = Cli.Run(["train", "--preset", preset, "--out", folder, "--quiet"], TextWriter.Null, Console.Error);
            if (exit != 0) throw new InvalidOperationException($"micrograd train --preset {preset} failed with exit code {exit}.");
            return File.ReadAllBytes(Path.Combine(folder, file));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
