using System.Globalization;

namespace Micrograd;

/// <summary>So that <see cref="Value.ToString"/> reads exactly like micrograd's output.</summary>
internal static class PythonFloat
{
    /// <summary>As Python's repr: the shortest digits that round-trip, "2.0" rather than "2", and scientific
    /// notation ("1e-05", "1.5e+16") only for exponents below -4 or above 15.</summary>
    public static string Format(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";

        // .NET's "R" gives the same shortest digits as Python, but switches notation at other exponents.
        string r = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        int exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? r : r[..e];
        int dot = mantissa.IndexOf('.');
        string all = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int zeros = all.Length - all.TrimStart('0').Length;
        string digits = all.TrimStart('0').TrimEnd('0');
        string sign = double.IsNegative(x) ? "-" : "";
        if (digits.Length == 0) return sign + "0.0";
        int point = (dot < 0 ? mantissa.Length : dot) - zeros + exponent; // x = 0.digits × 10^point

        if (point < -3 || point > 16)
        {
            int exp10 = point - 1;
            string head = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            return $"{sign}{head}e{(exp10 < 0 ? '-' : '+')}{Math.Abs(exp10):00}";
        }
        if (point <= 0) return sign + "0." + new string('0', -point) + digits;
        if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
        return sign + digits[..point] + "." + digits[point..];
    }

    /// <summary>Pow's exponent as micrograd shows it in "**2": whole numbers without ".0".</summary>
    public static string FormatExponent(double exponent)
    {
        string s = Format(exponent);
        return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
    }
}
