using Micrograd.Expressions;

namespace Micrograd.Cli.Expressions;

/// <summary>Reads the <c>name=value</c> arguments that give an expression's variables their values.</summary>
internal static class Assignments
{
    /// <summary>The values given, in order.</summary>
    /// <exception cref="CliException">For an argument that is not name=number, a name given twice, or a
    /// function's name.</exception>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> arguments)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            int eq = argument.IndexOf('=');
            if (eq <= 0)
                throw new CliException($"expected a variable's value as name=number, like x=1.5; got '{argument}'");
            string name = argument[..eq].Trim();
            string text = argument[(eq + 1)..].Trim();
            if (!IsName(name))
                throw new CliException($"expected a variable name (letters, digits, _; not starting with a digit) before '=', got '{name}' in '{argument}'");
            if (Expression.Functions.Contains(name))
                throw new CliException($"'{name}' is a function and cannot be a variable");
            if (!NumberLiteral.TryParse(text, out double value, out string problem))
                throw new CliException($"expected a number for {name}, got '{text}': {problem}");
            if (!values.TryAdd(name, value))
                throw new CliException($"{name} is given twice");
        }
        return values;
    }

    /// <summary>Checks that the variables used and the values given match one for one.</summary>
    /// <exception cref="CliException">Naming a variable used but not given a value, or given but not used
    /// (most often a typo).</exception>
    public static void Match(IReadOnlyList<string> used, IReadOnlyDictionary<string, double> given, string expression)
    {
        var missing = used.Where(v => !given.ContainsKey(v)).ToArray();
        if (missing.Length > 0)
            throw new CliException($"unknown variable '{missing[0]}': the expression uses it but no value was given; add {missing[0]}=<number>");
        var unused = given.Keys.Where(v => !used.Contains(v)).ToArray();
        if (unused.Length > 0)
            throw new CliException($"unknown variable '{unused[0]}': a value was given but \"{expression}\" does not use it" +
                                   (used.Count > 0 ? $" (it uses {string.Join(", ", used)})" : " (it uses no variables)"));
    }

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
