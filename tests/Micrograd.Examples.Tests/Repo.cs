using System.Text.Json;

namespace Micrograd.Examples.Tests;

/// <summary>Paths in the repository, found from the test's own folder.</summary>
internal static class Repo
{
    /// <summary>The folder holding Micrograd.slnx: the examples are run from here, as the tutorial says.</summary>
    public static string Root => Repository.Root;

    public static string ExamplesDir => Path.Combine(Root, "examples");

    public static string TutorialDir => Path.Combine(Root, "docs", "tutorial");

    /// <summary>The examples' names without ".cs", in order: "01-derivative", ...</summary>
    public static IReadOnlyList<string> Examples() =>
        Directory.GetFiles(ExamplesDir, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>The chapters' names without ".md", in order.</summary>
    public static IReadOnlyList<string> Chapters() =>
        Directory.GetFiles(TutorialDir, "*.md").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n!.Length > 3 && char.IsAsciiDigit(n[0]) && char.IsAsciiDigit(n[1]) && n[2] == '-')
            .Order(StringComparer.Ordinal).ToList()!;

    public static string ReadChapter(string name) => File.ReadAllText(Path.Combine(TutorialDir, name + ".md"));

    /// <summary>A golden file of tests/Micrograd.Tests/fixtures/, written by a script in tools/reference/.</summary>
    public static JsonDocument ReadFixture(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "tests", "Micrograd.Tests", "fixtures", file)));

    public static string ReadExample(string name) => File.ReadAllText(Path.Combine(ExamplesDir, name + ".cs"));
}
