using System.Globalization;
using System.Text.RegularExpressions;

namespace Micrograd.Examples.Tests;

/// <summary>Reading numbers out of what an example printed.</summary>
internal static class Printed
{
    /// <summary>The first line that matches <paramref name="pattern"/>; fails the test when none does.</summary>
    public static Match Match(ExampleRun run, string pattern)
    {
        var regex = new Regex(pattern);
        foreach (var line in run.Lines)
        {
            var m = regex.Match(line);
            if (m.Success) return m;
        }
        Assert.Fail($"No line of the output matches /{pattern}/.\n{run}");
        return null!;
    }

    /// <summary>The group "n" of the first line that matches.</summary>
    public static double Number(ExampleRun run, string pattern) => Parse(Match(run, pattern).Groups["n"].Value);

    /// <summary>The group "n" of every line that matches.</summary>
    public static List<double> Numbers(ExampleRun run, string pattern)
    {
        var regex = new Regex(pattern);
        return run.Lines.Select(l => regex.Match(l)).Where(m => m.Success).Select(m => Parse(m.Groups["n"].Value)).ToList();
    }

    public static double Parse(string s) => double.Parse(s.TrimEnd(',', '%'), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The numbers of a printed matrix such as "[[ 1.0000, -2.5000], [ 3.0000, 0.5000]]", row by row.</summary>
    public static double[] Matrix(string text) =>
        [.. Regex.Matches(text, @"-?\d+(?:\.\d+)?").Select(m => Parse(m.Value))];

    /// <summary>The prose of a chapter (its text outside code blocks) contains <paramref name="quoted"/>: a
    /// number the test has just checked against the example's output.</summary>
    public static void Quoted(string chapter, string quoted) =>
        Assert.True(Prose(Repo.ReadChapter(chapter)).Contains(quoted, StringComparison.Ordinal),
            $"Expected {chapter}.md to say \"{quoted}\", as the example prints; it does not.");

    // The chapter without its fenced code blocks, lines joined with spaces so a phrase may wrap.
    private static string Prose(string markdown)
    {
        var prose = new List<string>();
        bool inBlock = false;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock; continue; }
            if (!inBlock) prose.Add(line.Trim());
        }
        return string.Join(" ", prose);
    }
}
