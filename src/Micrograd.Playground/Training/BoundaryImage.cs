namespace Micrograd.Playground.Training;

/// <summary>The decision boundary as a small RGBA image: each cell takes the color of the class the model
/// gives the cell's center, stronger where the model is surer. The page scales it up to the canvas.</summary>
public static class BoundaryImage
{
    /// <summary>The classes' colors as RGB: blue, orange, green.</summary>
    public static readonly (byte R, byte G, byte B)[] Colors = [(52, 101, 164), (230, 120, 30), (70, 160, 70)];

    /// <summary>The centers of <paramref name="cells"/> × <paramref name="cells"/> cells, row by row from the top.</summary>
    public static IReadOnlyList<double>[] Grid(Viewport view, int cells)
    {
        var grid = new IReadOnlyList<double>[cells * cells];
        for (int row = 0; row < cells; row++)
            for (int col = 0; col < cells; col++)
            {
                var (x, y) = view.ToData(col + 0.5, row + 0.5, cells);
                grid[row * cells + col] = [x, y];
            }
        return grid;
    }

    /// <summary>RGBA pixels for the model's <paramref name="outputs"/> at each cell of a <see cref="Grid"/>.</summary>
    public static byte[] Render(IReadOnlyList<IReadOnlyList<double>> outputs)
    {
        var rgba = new byte[outputs.Count * 4];
        for (int i = 0; i < outputs.Count; i++)
        {
            var (cls, margin) = TrainingSession.Classify(outputs[i]);
            var c = Colors[Math.Min(cls, Colors.Length - 1)];
            double strength = 0.15 + 0.35 * Math.Tanh(margin); // NaN (a diverged model) draws white
            rgba[4 * i] = Blend(c.R, strength);
            rgba[4 * i + 1] = Blend(c.G, strength);
            rgba[4 * i + 2] = Blend(c.B, strength);
            rgba[4 * i + 3] = 255;
        }
        return rgba;
    }

    // The color over white, with the given opacity.
    private static byte Blend(byte color, double opacity) =>
        double.IsNaN(opacity) ? (byte)255 : (byte)Math.Round(255 - (255 - color) * opacity);
}
