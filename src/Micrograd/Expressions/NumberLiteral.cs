using System.Globalization;

namespace Micrograd.Expressions;

/// <summary>Numbers as text, read the same way everywhere: a dot for decimals, whatever the machine's locale.</summary>
/// <remarks>A number a double cannot hold is refused rather than changed: 1e999 (infinity) and 1e-400 (written
/// as non-zero, it would become 0). Subnormals (5e-324 to 2.2e-308) are kept, with fewer digits.</remarks>
public static class NumberLiteral
{
    /// <summary>Reads a finite number such as "2", "-0.5", ".5" or "1e-3" (leading and trailing spaces allowed).</summary>
    public static bool TryParse(string text, out double value) => TryParse(text, out value, out _);

    /// <summary><paramref name="problem"/>: "not a number", or too large or too small for a double.</summary>
    public static bool TryParse(string text, out double value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            problem = "not a number";
        else if (!double.IsFinite(value))
            problem = text.Any(char.IsAsciiDigit) ? "too large for a double (the largest is about 1.8e308)" : "not a finite number";
        else if (value == 0 && WrittenAsNonZero(text))
            problem = "too small for a double (the smallest above 0 is about 4.9e-324), so it would become 0";
        if (problem.Length == 0) return true;
        value = 0;
        return false;
    }

    // A digit other than 0 before any exponent: 1e-400 is written as non-zero, 0e5 and 0.000 are not.
    private static bool WrittenAsNonZero(string text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E') return false;
            if (c is >= '1' and <= '9') return true;
        }
        return false;
    }
}
