using System.Globalization;

namespace Micrograd.Expressions;

/// <summary>Numbers as text, read the same way everywhere (expressions, variable values typed by a user): in
/// the invariant culture (a dot for decimals), whatever the machine's locale.</summary>
public static class NumberLiteral
{
    /// <summary>Reads a finite number such as "2", "-0.5", ".5" or "1e-3" (leading and trailing spaces allowed).</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
