namespace Micrograd.Cli.Files;

/// <summary>A file a command reads, and how to name it in a message ("the --dataset file").</summary>
internal readonly record struct InputFile(string Path, string What);

/// <summary>
/// Keeps a command's outputs off its inputs: an output that would land on a file the command reads, as text or
/// through a symbolic link (<see cref="RealPath"/>), is refused before anything runs.
/// </summary>
internal static class InputFiles
{
    /// <param name="option">The output's option, for the message ("--log").</param>
    /// <param name="output">The output's path, as given.</param>
    /// <param name="inputs">What the command reads.</param>
    /// <param name="described">How the message names the output when it is not the option's value itself
    /// ("where the model goes, 'o/model.json',"); null for the value.</param>
    /// <exception cref="CliException">When <paramref name="output"/> leads to one of <paramref name="inputs"/>.</exception>
    public static void CheckApart(string option, string output, IEnumerable<InputFile> inputs, string? described = null)
    {
        string real = RealPath.Of(output);
        foreach (var input in inputs)
        {
            if (!string.Equals(real, RealPath.Of(input.Path), RealPath.Comparison)) continue;
            bool linked = !string.Equals(Path.GetFullPath(output), Path.GetFullPath(input.Path), RealPath.Comparison);
            throw new CliException($"{option}: expected {(described is null ? "a file" : "outputs")} apart from the command's inputs, got '{output}'" +
                                   $"{(described is null ? "" : $" for {described}")}, which {(linked ? "through a symbolic link " : "")}is {input.What} '{input.Path}'.");
        }
    }
}
