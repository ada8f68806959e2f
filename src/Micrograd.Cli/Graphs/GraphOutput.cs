using System.Text;
using Micrograd.Serialization;

namespace Micrograd.Cli.Graphs;

/// <summary>Writes a graph's DOT text as DOT, SVG or PNG, falling back to DOT with an install hint when
/// Graphviz is missing.</summary>
internal static class GraphOutput
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["dot", "svg", "png"];

    /// <summary>The format to write: <paramref name="format"/> when given, else the one the file's
    /// extension names (.dot/.gv, .svg, .png), else SVG.</summary>
    /// <exception cref="CliException">For an extension that names no format, or PNG to standard output.</exception>
    public static string Resolve(string? format, string path)
    {
        string resolved = format ?? Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".dot" or ".gv" => "dot",
            ".svg" => "svg",
            ".png" => "png",
            "" => "svg",
            var other => throw new CliException($"expected the output file to end in .dot, .gv, .svg or .png (or give --format), got '{other}' in '{path}'"),
        };
        if (path == "-" && resolved == "png") throw new CliException("--out -: PNG is binary; write it to a file, or use --format dot or svg for standard output");
        return resolved;
    }

    /// <summary>Writes <paramref name="dotText"/> to <paramref name="path"/> ("-" for standard output) as
    /// <paramref name="format"/>, and says what it wrote. <paramref name="inputs"/> are the files the command
    /// read, which the output may not replace (as text or through a symbolic link).</summary>
    public static void Write(CliContext context, string dotText, string path, string format, string? dotOption, IReadOnlyList<Files.InputFile> inputs)
    {
        if (path != "-") Files.InputFiles.CheckApart("--out", path, inputs);
        if (format == "dot")
        {
            WriteText(context, path, dotText);
            return;
        }

        string? dot = Graphviz.Locate(dotOption, context.GetEnvironmentVariable);
        if (dot is null)
        {
            string dotPath = path == "-" ? "-" : Path.ChangeExtension(path, ".dot");
            if (dotPath != "-") Files.InputFiles.CheckApart("--out", dotPath, inputs, $"the DOT text written instead ('{dotPath}')");
            WriteText(context, dotPath, dotText);
            string render = path == "-" ? $"dot -T{format}" : $"dot -T{format} {dotPath} -o {path}";
            context.Err.WriteLine($"warning: Graphviz's dot program was not found, so only the DOT text was written, not the {format.ToUpperInvariant()}; " +
                                  $"{Graphviz.InstallHint}; then run: {render}");
            return;
        }

        byte[] bytes = Graphviz.Render(dot, dotText, format);
        if (path == "-")
        {
            context.Out.Write(Encoding.UTF8.GetString(bytes));
            return;
        }
        CreateFolder(path);
        AtomicFile.Write(path, s => s.Write(bytes));
        context.Out.WriteLine($"wrote {path}");
    }

    private static void WriteText(CliContext context, string path, string text)
    {
        if (path == "-")
        {
            context.Out.Write(text);
            return;
        }
        CreateFolder(path);
        AtomicFile.WriteAllText(path, text);
        context.Out.WriteLine($"wrote {path}");
    }

    private static void CreateFolder(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
    }
}
