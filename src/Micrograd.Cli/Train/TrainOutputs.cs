using Micrograd.Cli.Files;
using Micrograd.Serialization;

namespace Micrograd.Cli.Train;

/// <summary>
/// Where <c>train</c> writes: the --out folder's three files and the --log file, checked before anything
/// runs (no empty name, no file where a folder must be, no two outputs on one path, a folder we may write
/// in), then written all or none (<see cref="AtomicFile.WriteAll"/>).
/// </summary>
internal sealed class TrainOutputs
{
    public const string BoundaryFile = "decision-boundary.png";
    public const string LossFile = "loss.png";
    public const string ModelFileName = "model.json";
    public const string ConfusionFile = "confusion-matrix.png";
    public const string MistakesFile = "mistakes.png";

    private TrainOutputs(string folder, string? log)
    {
        Folder = folder;
        Log = log;
    }

    /// <summary>The --out folder, as given.</summary>
    public string Folder { get; }

    public string Boundary => Path.Combine(Folder, BoundaryFile);
    public string Loss => Path.Combine(Folder, LossFile);
    public string Model => Path.Combine(Folder, ModelFileName);
    public string Confusion => Path.Combine(Folder, ConfusionFile);
    public string Mistakes => Path.Combine(Folder, MistakesFile);
    public string? Log { get; }

    /// <summary>Checks the outputs before anything runs: paths are compared as the files they lead to
    /// (<see cref="RealPath"/>), so neither a different spelling nor a symbolic link puts two outputs, or an
    /// output and an input, on one file. <paramref name="inputs"/> are the files the run reads (its dataset),
    /// which no output may replace.</summary>
    /// <exception cref="CliException">For an output that cannot be written, naming the option.</exception>
    /// <exception cref="OutputWriteException">For a folder this process may not write in.</exception>
    public static TrainOutputs Check(string folder, string? log, IReadOnlyList<InputFile> inputs)
    {
        if (folder.Trim().Length == 0) throw new CliException("--out: expected a folder name, got an empty one.");
        if (log is not null && log.Trim().Length == 0) throw new CliException("--log: expected a file name, got an empty one.");
        var outputs = new TrainOutputs(folder, log);

        if (File.Exists(folder)) throw new CliException($"--out: expected a folder, got '{folder}', which is a file.");
        CheckFolders("--out", folder, folder);
        foreach (var (file, what) in outputs.Files)
        {
            if (Directory.Exists(file)) throw new CliException($"--out: expected '{file}' to be free for a file, got a folder there.");
            InputFiles.CheckApart("--out", file, inputs, what);
        }

        if (log is not null)
        {
            if (Directory.Exists(log)) throw new CliException($"--log: expected a file name, got '{log}', which is a folder.");
            CheckFolders("--log", log, Path.GetDirectoryName(Path.GetFullPath(log))!);
            string realLog = RealPath.Of(log);
            foreach (var (file, what) in outputs.Files)
                if (string.Equals(realLog, RealPath.Of(file), RealPath.Comparison))
                    throw new CliException($"--log: expected a file apart from the outputs in --out, got '{log}', which is where {what} goes.");
            if (RealPath.IsSameOrInside(RealPath.Of(folder), realLog))
                throw new CliException($"--log: expected a file apart from the --out folder '{folder}', got '{log}', which is the folder or holds it.");
            InputFiles.CheckApart("--log", log, inputs);
        }
        return outputs;
    }

    // Every file that may go into --out, and what it is.
    private (string Path, string What)[] Files =>
    [
        (Boundary, "the decision-boundary plot"), (Loss, "the loss curve"), (Model, "the model"),
        (Confusion, "the confusion matrix"), (Mistakes, "the grid of mistakes"),
    ];

    /// <summary>Writes <paramref name="files"/>, all or none; folders made for them are removed again when the
    /// writing fails.</summary>
    /// <exception cref="OutputWriteException">When the files cannot be written; no output has changed.</exception>
    public static void Write(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var created = new List<string>();
        try
        {
            foreach (var (path, _) in files) CreateFolders(Path.GetDirectoryName(Path.GetFullPath(path))!, created);
            AtomicFile.WriteAll(files.Select(f => (f.Path, (Action<Stream>)(s => s.Write(f.Bytes)))).ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            for (int i = created.Count - 1; i >= 0; i--)
                if (Directory.Exists(created[i]) && !Directory.EnumerateFileSystemEntries(created[i]).Any()) Directory.Delete(created[i]);
            throw new OutputWriteException($"could not write the outputs, so none was written: {ErrorReport.OneLine(e.Message)}", e);
        }
    }

    // Every folder on the way to `folder` that exists must be a folder, and the nearest one writable.
    private static void CheckFolders(string option, string given, string folder)
    {
        string full = Path.GetFullPath(folder);
        for (string? dir = full; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
                throw new CliException($"{option}: expected '{given}' to lie in a folder, but '{dir}' is a file.");
            if (Directory.Exists(dir))
            {
                Probe(option, dir);
                return;
            }
        }
    }

    private static void Probe(string option, string dir)
    {
        string probe = Path.Combine(dir, $".micrograd-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"{option}: cannot write in the folder '{dir}': {ErrorReport.OneLine(e.Message)}", e);
        }
    }

    private static void CreateFolders(string folder, List<string> created)
    {
        var missing = new Stack<string>();
        for (string? dir = folder; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)) missing.Push(dir);
        foreach (var dir in missing)
        {
            Directory.CreateDirectory(dir);
            created.Add(dir);
        }
    }
}
