using System.Diagnostics;

namespace TutorialPictures;

/// <summary>Writes each picture into the images folder and says so.</summary>
internal sealed class Pictures(string root, string images)
{
    public void Png(string name, byte[] png) => Write(name, png);

    public void Copy(string name, byte[] png) => Write(name, png);

    public void Svg(string name, string svg) => Write(name, System.Text.Encoding.UTF8.GetBytes(svg));

    /// <summary>A graph an example wrote as DOT, drawn by Graphviz.</summary>
    public void Graph(string name, string dotFile) => Write(name, RunDot(File.ReadAllText(dotFile)));

    /// <summary>DOT written here, drawn by Graphviz.</summary>
    public void Dot(string name, string dot) => Write(name, RunDot(dot));

    private void Write(string name, byte[] bytes)
    {
        string path = Path.Combine(images, name);
        File.WriteAllBytes(path, bytes);
        Console.WriteLine($"wrote {Path.GetRelativePath(root, path)}");
    }

    private static byte[] RunDot(string dot)
    {
        var info = new ProcessStartInfo("dot", ["-Tsvg"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Graphviz's dot.");
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dot failed: {errors.Result}");
        return output.ToArray();
    }
}
