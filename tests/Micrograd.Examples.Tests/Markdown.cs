using System.Text.RegularExpressions;

namespace Micrograd.Examples.Tests;

/// <summary>A fenced code block of a chapter: its info string ("csharp", "text", ...), its lines, and the HTML
/// comment on the line before it, if any (how a chapter marks output that is not its example's).</summary>
public sealed record CodeBlock(string Info, IReadOnlyList<string> Lines, string? Comment, int LineNumber);

/// <summary>Just enough Markdown reading for the tests: fenced blocks and links.</summary>
public static partial class Markdown
{
    public static IReadOnlyList<CodeBlock> Blocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string info = lines[i][3..].Trim();
            int start = i + 1, end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```") end++;
            string? comment = null;
            for (int k = i - 1; k >= 0; k--)
            {
                if (lines[k].Trim().Length == 0) continue;
                if (lines[k].TrimStart().StartsWith("<!--", StringComparison.Ordinal)) comment = lines[k].Trim();
                break;
            }
            blocks.Add(new CodeBlock(info, lines[start..Math.Min(end, lines.Length)], comment, i + 1));
            i = end;
        }
        return blocks;
    }

    /// <summary>The targets of the inline links [text](target), without any #fragment.</summary>
    public static IEnumerable<string> LinkTargets(string markdown) =>
        LinkPattern().Matches(markdown).Select(m => m.Groups["target"].Value.Split('#')[0]).Where(t => t.Length > 0);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
