namespace BuildItYourself.Tests;

/// <summary>What the exercises compare a gradient with: the slope of the forward pass, measured by nudging
/// (chapter 1's central difference), which needs no backward at all.</summary>
internal static class Slopes
{
    public static double Of(Func<double, double> f, double x, double h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

    public static void Equal(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected}, got {actual}.");
}
