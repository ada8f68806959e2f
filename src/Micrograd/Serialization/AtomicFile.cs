namespace Micrograd.Serialization;

/// <summary>Writes files so that readers see the old content or the new, never half: the bytes go to a
/// temporary file beside the target, which then replaces it in one rename. The folder must exist.</summary>
public static class AtomicFile
{
    /// <summary>If <paramref name="write"/> throws, the old file is left as it was.</summary>
    public static void Write(string path, Action<Stream> write) => WriteAll([(path, write)]);

    /// <summary>As UTF-8.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, leaveOpen: true);
            w.Write(text);
        });

    /// <summary>All or none: renamed into place only when all are complete. If a write throws, no target has
    /// changed, the temporary files are removed and the exception is rethrown as it came.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, Action<Stream> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var staged = new List<(string Temp, string Target)>(files.Count);
        try
        {
            foreach (var (path, write) in files)
            {
                ArgumentNullException.ThrowIfNull(path);
                ArgumentNullException.ThrowIfNull(write);
                string full = Path.GetFullPath(path);
                string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                staged.Add((temp, full));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (temp, target) in staged) File.Move(temp, target, overwrite: true);
        }
        finally
        {
            foreach (var (temp, _) in staged)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
