namespace Micrograd.Playground.Training;

/// <summary>The part of the plane the canvas shows, and the mapping between its pixels and data coordinates
/// (y grows upwards in data, downwards on the canvas).</summary>
public sealed record Viewport(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>A square view around <paramref name="points"/>, with a margin of 15% on each side.</summary>
    public static Viewport Around(IReadOnlyList<LabeledPoint> points)
    {
        if (points.Count == 0) return new Viewport(-1.5, 1.5, -1.5, 1.5);
        double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
        double half = Math.Max(Math.Max(x1 - x0, y1 - y0), 0.5) * 0.65, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        return new Viewport(cx - half, cx + half, cy - half, cy + half);
    }

    /// <summary>The data coordinates of pixel (<paramref name="px"/>, <paramref name="py"/>) on a canvas of
    /// <paramref name="size"/> × <paramref name="size"/> pixels.</summary>
    public (double X, double Y) ToData(double px, double py, double size) =>
        (XMin + px / size * (XMax - XMin), YMax - py / size * (YMax - YMin));

    /// <summary>The pixel of data point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (double Px, double Py) ToPixel(double x, double y, double size) =>
        ((x - XMin) / (XMax - XMin) * size, (YMax - y) / (YMax - YMin) * size);
}
