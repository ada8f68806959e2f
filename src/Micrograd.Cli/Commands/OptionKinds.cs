using System.CommandLine;
using System.CommandLine.Parsing;
using Micrograd.Cli.Text;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary>
/// Options whose values are checked while parsing, with messages that name the option, what it expects and
/// what came (System.CommandLine's own messages name .NET types, such as "System.Nullable`1[System.Double]").
/// </summary>
internal static class OptionKinds
{
    /// <summary>A number option; <paramref name="valid"/> says which numbers are allowed, as described by
    /// <paramref name="expected"/> ("a positive number").</summary>
    public static Option<double?> Number(string name, string description, Func<double, bool> valid, string expected) =>
        new(name)
        {
            Description = description,
            HelpName = "number",
            CustomParser = r => Single(r, name, text =>
                Numbers.TryParse(text, out double x) && valid(x) ? x : (double?)null, expected),
        };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="why"/>, if given, says
    /// in the message why the range ends where it does ("this machine has 2 processors").</summary>
    public static Option<int?> Integer(string name, string description, int min, string? helpName = null, int max = int.MaxValue, string? why = null) =>
        new(name)
        {
            Description = description,
            HelpName = helpName ?? "n",
            CustomParser = r => Single(r, name, text =>
                int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= min && n <= max ? n : (int?)null,
                (max < int.MaxValue ? $"a whole number from {min} to {max}" : min == 1 ? "a whole number of at least 1" : $"a whole number of at least {min}") +
                (why is null ? "" : $" ({why})")),
        };

    /// <summary>One of a fixed set of words (any case); the value is the lower-case word.</summary>
    public static Option<string?> Choice(string name, string description, params string[] choices) =>
        new(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            CustomParser = r => Single(r, name, text =>
                choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)), Alternatives(choices)),
        };

    /// <summary>Any case.</summary>
    public static Option<T?> Kind<T>(string name, string description, NameTable<T> table) where T : struct, Enum =>
        new(name)
        {
            Description = description,
            HelpName = string.Join('|', table.Names),
            CustomParser = r => Single(r, name, text => table.TryParse(text, out T kind) ? kind : (T?)null, table.Listed),
        };

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> choices) =>
        choices.Count == 1 ? choices[0] : string.Join(", ", choices.Take(choices.Count - 1)) + " or " + choices[^1];

    /// <summary>Parses the option's single token with <paramref name="parse"/> (null for invalid), or
    /// reports "--name: expected ..., got '...'".</summary>
    public static T? Single<T>(ArgumentResult result, string name, Func<string, T?> parse, string expected)
    {
        if (result.Tokens.Count == 0) return default; // "missing value" is reported by System.CommandLine itself
        string text = result.Tokens[0].Value;
        T? value = parse(text);
        if (value is null) result.AddError($"{name}: expected {expected}, got '{text}'.");
        return value;
    }
}
