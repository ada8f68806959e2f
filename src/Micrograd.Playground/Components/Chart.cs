using System.Globalization;

namespace Micrograd.Playground.Components;

/// <summary>The geometry of a small line chart: a plot area inside margins for the axes, linear scales, and
/// "nice" tick values (1, 2 or 5 times a power of ten).</summary>
public sealed class Chart(double xMax, double yMin, double yMax)
{
    public const double Width = 320, Height = 150, Left = 46, Right = 10, Top = 8, Bottom = 24;

    public double XMax { get; } = xMax > 0 ? xMax : 1;
    public double YMin { get; } = yMin;
    public double YMax { get; } = yMax > yMin ? yMax : yMin + 1;

    public double X(double x) => Left + x / XMax * (Width - Left - Right);

    public double Y(double y) => Height - Bottom - (Math.Clamp(y, YMin, YMax) - YMin) / (YMax - YMin) * (Height - Top - Bottom);

    public IEnumerable<double> XTicks => Ticks(0, XMax, 5);

    public IEnumerable<double> YTicks => Ticks(YMin, YMax, 4);

    /// <summary>A chart for the values <paramref name="ys"/> from 0 up to a nice number above the largest finite one.</summary>
    public static Chart FromZero(double xMax, IEnumerable<double> ys)
    {
        double top = ys.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        if (top <= 0) top = 1;
        double step = NiceStep(top / 4);
        return new Chart(xMax, 0, Math.Ceiling(top / step - 1e-9) * step);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * power >= rough * (1 - 1e-9)) return m * power;
        return 10 * power;
    }

    private static IEnumerable<double> Ticks(double min, double max, int count)
    {
        double step = NiceStep((max - min) / count);
        for (double t = Math.Ceiling(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) yield return Math.Round(t / step) * step + 0.0; // + 0.0: no "-0"
    }

    /// <summary>"x,y x,y ..." for an SVG polyline of the finite values, y[i] at x = i + 1, at most about
    /// <paramref name="most"/> points (a longer series is thinned evenly, keeping its last point).</summary>
    public string Polyline(IReadOnlyList<double> ys, int most = 400)
    {
        int stride = Math.Max(1, (ys.Count + most - 1) / most);
        var points = new List<string>();
        for (int i = 0; i < ys.Count; i++)
        {
            if ((i % stride != 0 && i != ys.Count - 1) || !double.IsFinite(ys[i])) continue;
            points.Add(Text(X(i + 1)) + "," + Text(Y(ys[i])));
        }
        return string.Join(" ", points);
    }

    /// <summary>A tick's label: few digits, "k" for thousands.</summary>
    public static string Label(double v) =>
        Math.Abs(v) >= 1000 ? (v / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k" : v.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Text(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
