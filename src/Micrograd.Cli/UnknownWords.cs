using System.CommandLine;
using System.CommandLine.Parsing;

namespace Micrograd.Cli;

/// <summary>
/// Words the user meant as an option or a command that the command does not have, named with a "did you mean"
/// where one is close. System.CommandLine takes an unknown <c>--word</c> as a value wherever a value fits
/// (<c>predict --modle m.json</c> read "--modle" as an input, then asked for --model; <c>graph --nueron 2</c>
/// drew "--nueron" as an expression), so every word that starts with two dashes and a letter and is no option
/// of the command is caught here, before the command runs. A negative number or an expression such as -x has
/// one dash and passes; so does anything after a lone <c>--</c>.
/// </summary>
internal static class UnknownWords
{
    /// <summary>The message for the first unknown option or command in <paramref name="parsed"/>, or null.</summary>
    public static string? Find(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type != TokenType.Argument || !LooksLikeOption(token.Value)) continue;
            string? near = Nearest(token.Value, OptionNames(command));
            return $"unknown option '{token.Value}' for '{Path(command)}'{(near is null ? "" : $"; did you mean {near}?")}";
        }
        if (command.Parents.FirstOrDefault() is null && parsed.UnmatchedTokens is [{ } word, ..] && !word.StartsWith('-'))
        {
            string? near = Nearest(word, command.Subcommands.Select(c => c.Name));
            return $"unknown command '{word}'{(near is null ? "" : $"; did you mean {near}?")}";
        }
        return null;
    }

    /// <summary>"micrograd predict".</summary>
    public static string Path(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault()) names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    private static bool LooksLikeOption(string word) => word.Length > 2 && word.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(word[2]);

    // The command's options, and those of the commands above it that apply to it (--help).
    private static IEnumerable<string> OptionNames(Command command)
    {
        foreach (var option in command.Options) yield return option.Name;
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in parent.Options.Where(o => o.Recursive)) yield return option.Name;
    }

    /// <summary>The name closest to <paramref name="word"/>: one it begins, or one within two edits (a swap of two
    /// neighbours counts as one) and fewer than half its letters; null when none is that close.</summary>
    public static string? Nearest(string word, IEnumerable<string> names)
    {
        string typed = word.TrimStart('-').ToLowerInvariant();
        if (typed.Length == 0) return null;
        return names
            .Select(name => (Name: name, Distance: name.TrimStart('-').StartsWith(typed, StringComparison.OrdinalIgnoreCase) && typed.Length >= 2 ? 0 : Distance(typed, name.TrimStart('-').ToLowerInvariant())))
            .Where(c => c.Distance <= 2 && c.Distance * 2 < c.Name.TrimStart('-').Length)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
