namespace Micrograd.Cli.Files;

/// <summary>
/// Where a path really leads: its full form with every symbolic link on the way followed, as far as the path
/// exists (the rest is appended as written). Two paths that differ as text, one through a linked folder, name
/// the same file exactly when their real paths are equal.
/// </summary>
internal static class RealPath
{
    /// <summary>How file names compare on this system.</summary>
    public static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private const int MaxLinks = 40; // Linux's own limit on links followed in one lookup

    public static string Of(string path)
    {
        string full = Path.GetFullPath(path);
        for (int links = 0; ; links++)
        {
            var (resolved, rest) = FirstLink(full, links < MaxLinks);
            if (rest is null) return resolved;
            full = Path.GetFullPath(Path.Combine(resolved, rest));
        }
    }

    // Walks `full` from its root: the path up to its first symbolic link replaced by the link's target, and the
    // rest of the path; or, when no link is left to follow, the path and null.
    private static (string Path, string? Remainder) FirstLink(string full, bool follow)
    {
        string root = Path.GetPathRoot(full) ?? "";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        string current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            // A link whose target is no path (such as /proc/self/fd/1 -> "pipe:[1234]") names itself.
            if (follow && LinkTarget(next) is { } target && !(target.Contains(':') && !Path.IsPathRooted(target)))
                return (Path.IsPathRooted(target) ? target : Path.Combine(current, target), string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]));
            current = next;
        }
        return (current, null);
    }

    /// <summary>Whether two paths lead to the same place.</summary>
    public static bool Same(string a, string b) => string.Equals(Of(a), Of(b), Comparison);

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it, both real paths.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        string p = path.TrimEnd(Path.DirectorySeparatorChar), f = folder.TrimEnd(Path.DirectorySeparatorChar);
        return string.Equals(p, f, Comparison) || p.StartsWith(f + Path.DirectorySeparatorChar, Comparison);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
