namespace Micrograd.Testing;

/// <summary>Comparisons of computed numbers with golden ones.</summary>
internal static class Tolerance
{
    /// <summary>The relative tolerance against PyTorch's float64 results.</summary>
    public const double Relative = 1e-9;

    /// <summary>A tiny absolute floor, for results that should be 0 but come out of a cancellation.</summary>
    public const double Absolute = 1e-12;

    /// <summary>|actual - expected| / max(|expected|, |actual|), 0 when they are equal (including NaN with NaN and
    /// the same infinity), infinity when only one of them is finite or NaN.</summary>
    public static double RelativeError(double expected, double actual)
    {
        if (expected.Equals(actual)) return 0; // Equals: NaN equals NaN, +0 equals -0
        if (!double.IsFinite(expected) || !double.IsFinite(actual)) return double.PositiveInfinity;
        return Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), Math.Abs(actual));
    }

    /// <summary>True when the numbers agree to <paramref name="relative"/> relative error, or to
    /// <paramref name="absolute"/> when both are tiny; non-finite numbers must be identical.</summary>
    public static bool Close(double expected, double actual, double relative = Relative, double absolute = Absolute)
    {
        if (expected.Equals(actual)) return true;
        if (!double.IsFinite(expected) || !double.IsFinite(actual)) return false;
        return Math.Abs(actual - expected) <= absolute + relative * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }

    /// <summary>Asserts <see cref="Close"/>, naming what was compared.</summary>
    public static void AssertClose(double expected, double actual, string what, double relative = Relative, double absolute = Absolute)
    {
        if (!Close(expected, actual, relative, absolute))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (relative error {RelativeError(expected, actual):G3}, tolerance {relative:G3} relative + {absolute:G3}).");
    }

    /// <summary>Asserts that two numbers are the same: NaN with NaN, the same infinity, the same finite number.</summary>
    public static void AssertSame(double expected, double actual, string what)
    {
        if (!expected.Equals(actual))
            Assert.Fail($"{what}: expected exactly {expected:R}, got {actual:R}.");
    }

    /// <summary>Asserts element-wise closeness of two sequences of the same length.</summary>
    public static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what,
        double relative = Relative, double absolute = Absolute)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} numbers, got {actual.Count}.");
        for (int i = 0; i < expected.Count; i++) AssertClose(expected[i], actual[i], $"{what}[{i}]", relative, absolute);
    }
}

/// <summary>Tracks the largest relative error seen in a test, for its output (the report's "max observed error").</summary>
internal sealed class ErrorStats
{
    public double MaxRelative { get; private set; }
    public string Where { get; private set; } = "";

    public void Add(double expected, double actual, string where)
    {
        if (!double.IsFinite(expected) || !double.IsFinite(actual)) return;
        // Relative to the larger magnitude, but not below the absolute floor's scale.
        double e = Math.Abs(actual - expected) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), 1e-3);
        if (e > MaxRelative)
        {
            MaxRelative = e;
            Where = where;
        }
    }

    public override string ToString() => $"max relative error {MaxRelative:G3} at {Where}";
}
