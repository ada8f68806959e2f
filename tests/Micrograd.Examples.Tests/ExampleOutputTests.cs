using System.Text.RegularExpressions;

namespace Micrograd.Examples.Tests;

/// <summary>
/// Runs every example as a reader would and checks what it prints: that it builds and runs without a warning,
/// that the output pasted in its chapter is what it really prints, and the numbers each chapter is about.
/// </summary>
public class ExampleOutputTests
{
    public static TheoryData<string> Examples() => new(Repo.Examples());

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_builds_and_runs_cleanly(string name)
    {
        var run = await ExampleRunner.RunOk(name);
        Assert.DoesNotContain("warning", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.True(run.Lines.Count > 5, run.ToString());
    }

    /// <summary>Every ```text block of a chapter is an excerpt of its example's output: its lines appear in the
    /// output in the same order ("..." stands for lines left out). A block marked <see cref="TimingsMark"/>
    /// holds measured times, which differ from run to run: its lines must match in everything but their numbers.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Chapter_output_is_what_the_example_prints(string name)
    {
        var run = await ExampleRunner.RunOk(name);
        var blocks = Markdown.Blocks(Repo.ReadChapter(name)).Where(b => b.Info == "text" && (b.Comment is null || IsTimings(b))).ToList();
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            int at = 0;
            foreach (var line in block.Lines.Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0 && l.Trim() != "..."))
            {
                int found = IsTimings(block) ? IndexOf(run.Lines, AnyNumbers(line), at) : IndexOf(run.Lines, line, at);
                Assert.True(found >= 0,
                    $"{name}.md, output block at line {block.LineNumber}: the example does not print \"{line}\" (after its line {at}).\n{run}");
                at = found + 1;
            }
        }
    }

    /// <summary>The comment before a ```text block of measured times.</summary>
    public const string TimingsMark = "<!-- timings: measured on the project's machine; the numbers differ from run to run -->";

    private static bool IsTimings(CodeBlock block) => block.Comment == TimingsMark;

    // The line as a pattern in which every number may be any number.
    private static Regex AnyNumbers(string line) =>
        new("^" + string.Join(@"\d[\d,]*(?:\.\d+)?", Regex.Split(line, @"\d[\d,]*(?:\.\d+)?").Select(Regex.Escape)) + "$");

    [Fact]
    public void A_timing_line_matches_in_everything_but_its_numbers()
    {
        var line = AnyNumbers("  time per step: dynamic engine 776.0 ms, tensor engine 24.086 ms, 32 times faster");
        Assert.Matches(line, "  time per step: dynamic engine 1,042.5 ms, tensor engine 0.310 ms, 3363 times faster");
        Assert.DoesNotMatch(line, "  time per step: dynamic engine 776.0 s, tensor engine 24.086 ms, 32 times faster");
        Assert.DoesNotMatch(line, "  time per step: dynamic engine 776.0 ms, tensor engine 24.086 ms, 32 times slower");
    }

    private static int IndexOf(IReadOnlyList<string> lines, string line, int from)
    {
        for (int i = from; i < lines.Count; i++) if (lines[i] == line) return i;
        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> lines, Regex line, int from)
    {
        for (int i = from; i < lines.Count; i++) if (line.IsMatch(lines[i])) return i;
        return -1;
    }
}
