using Micrograd.Serialization;

namespace Micrograd.Cli.Makemore;

/// <summary>The work dir's files, checked before anything runs and each written atomically (a crash or Ctrl+C
/// midway leaves the previous file whole).</summary>
internal sealed class MakemoreTargets
{
    public const string ModelFileName = "model.json";
    public const string LossFileName = "loss.png";

    private MakemoreTargets(string folder) => Folder = folder;

    public string Folder { get; }

    public string Model => Path.Combine(Folder, ModelFileName);

    public string Loss => Path.Combine(Folder, LossFileName);

    /// <exception cref="CliException">For a work dir that is a file, or lies under one, or holds a folder where
    /// an output goes.</exception>
    public static MakemoreTargets Check(string folder)
    {
        if (folder.Trim().Length == 0) throw new CliException("--work-dir: expected a folder name, got an empty one.");
        if (File.Exists(folder)) throw new CliException($"--work-dir: expected a folder, got '{folder}', which is a file.");
        for (string? dir = Path.GetDirectoryName(Path.GetFullPath(folder)); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) throw new CliException($"--work-dir: expected '{folder}' to lie in a folder, but '{dir}' is a file.");
        var targets = new MakemoreTargets(folder);
        foreach (var file in new[] { targets.Model, targets.Loss })
            if (Directory.Exists(file)) throw new CliException($"--work-dir: expected '{file}' to be free for a file, got a folder there.");
        return targets;
    }

    /// <exception cref="OutputWriteException">When the file cannot be written; the old one is left as it was.</exception>
    public void Write(string path, Action<Stream> write)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            AtomicFile.Write(path, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"could not write {path}: {ErrorReport.OneLine(e.Message)}", e);
        }
    }
}
