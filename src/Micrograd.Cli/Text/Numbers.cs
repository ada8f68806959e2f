using System.Globalization;

namespace Micrograd.Cli.Text;

/// <summary>Numbers in and out, always in the invariant culture (a dot for decimals), whatever the machine's
/// locale, so that output can be parsed back and scripts behave the same everywhere.</summary>
internal static class Numbers
{
    /// <summary>Reads a finite number such as "2", "-0.5", ".5" or "1e-3".</summary>
    public static bool TryParse(string text, out double value) => Micrograd.Expressions.NumberLiteral.TryParse(text, out value);

    public static string RoundTrip(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number computed in <paramref name="precision"/>, with the digits that tell it apart in that
    /// type (a float32 output prints as 0.3, not 0.30000001192092896).</summary>
    public static string RoundTrip(double x, Training.Precision precision) =>
        precision == Training.Precision.Float32 ? ((float)x).ToString("R", CultureInfo.InvariantCulture) : RoundTrip(x);

    /// <summary>A number for people: up to <paramref name="digits"/> significant digits.</summary>
    public static string Short(double x, int digits = 4) => x.ToString("G" + digits, CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal: 0.97 gives "97.0%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    public static string Fixed(double x, int decimals) => x.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
