using System.Runtime.InteropServices;

namespace Micrograd.Serialization;

/// <summary>Writes files so that readers see the old content or the new, never half: the bytes go to a
/// temporary file beside the target, which then replaces it in one rename. The folder must exist.</summary>
/// <remarks>A target that is a symbolic link is followed: the file it points to is replaced and the link kept.
/// A target that is no regular file (a character device such as /dev/null, a FIFO, a socket, or a /proc/self/fd
/// entry for a pipe) cannot be replaced without destroying it, so it is written straight into, after every
/// regular file has been staged.</remarks>
public static partial class AtomicFile
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

    /// <summary>All or none: renamed into place only when all are complete. If a write throws, no regular
    /// target has changed, the temporary files are removed and the exception is rethrown as it came.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, Action<Stream> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var staged = new List<(string Temp, string Target)>(files.Count);
        var special = new List<(string Path, Action<Stream> Write)>();
        try
        {
            foreach (var (path, write) in files)
            {
                ArgumentNullException.ThrowIfNull(path);
                ArgumentNullException.ThrowIfNull(write);
                if (IsSpecialFile(path))
                {
                    special.Add((path, write));
                    continue;
                }
                string full = FinalTarget(Path.GetFullPath(path));
                string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                staged.Add((temp, full));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (path, write) in special)
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                write(stream);
            }
            foreach (var (temp, target) in staged) File.Move(temp, target, overwrite: true);
        }
        finally
        {
            foreach (var (temp, _) in staged)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>True when <paramref name="path"/>, its links followed, is a device, a FIFO or a socket: something
    /// to write into, never to replace. False for a regular file, a folder, or nothing at all; always false on
    /// Windows.</summary>
    public static bool IsSpecialFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int type = FileType(path);
        return type is S_IFCHR or S_IFBLK or S_IFIFO or S_IFSOCK;
    }

    // The file a chain of symbolic links ends at, or the path itself. A link whose target is no path (such as
    // /proc/self/fd/1 -> "pipe:[1234]") is kept as it is.
    private static string FinalTarget(string full)
    {
        try
        {
            if (new FileInfo(full).LinkTarget is null) return full;
            var target = File.ResolveLinkTarget(full, returnFinalTarget: true);
            return target is not null && Path.IsPathFullyQualified(target.FullName) && Directory.Exists(Path.GetDirectoryName(target.FullName))
                ? target.FullName
                : full;
        }
        catch (IOException)
        {
            return full; // a loop of links: renaming over the link itself is all that can be done
        }
    }

    private const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFSOCK = 0xC000;

    // The S_IFMT bits of stat(2), links followed; 0 when unknown. .NET has no API for a file's type, so this asks
    // the runtime's own native library, whose FileStatus starts with int Flags, then int Mode on every Unix.
    private static unsafe int FileType(string path)
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsBrowser()) return 0;
        byte* status = stackalloc byte[512];
        try
        {
            return Stat(path, status) == 0 ? *(int*)(status + 4) & S_IFMT : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);
}
