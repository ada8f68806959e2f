using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Playground.Training;

/// <summary>One neuron of the first hidden layer over the canvas: its output at each cell as a small image
/// (orange where positive, blue where negative, white at 0), and its zero line w·x + b = 0, where its weighted
/// sum changes sign (a ReLU's kink, a tanh's midpoint).</summary>
/// <param name="Line">The zero line's two ends where it crosses the view, as fractions of the image's width and
/// height from the top left; null when the line misses the view.</param>
public sealed record NeuronMap(int Neuron, byte[] Rgba, double[]? Line, string Formula);

public static class NeuronMaps
{
    /// <summary>One map per neuron of layer 1 of <paramref name="weights"/> (which takes two inputs).</summary>
    public static IReadOnlyList<NeuronMap> Render(MlpWeights weights, Viewport view, int cells)
    {
        var layer = weights.Layers[0];
        var maps = new NeuronMap[layer.OutputCount];
        var output = new double[cells * cells];
        for (int n = 0; n < layer.OutputCount; n++)
        {
            double w0 = layer.Weights[2 * n], w1 = layer.Weights[2 * n + 1], b = layer.Biases[n];
            double largest = 1e-12;
            for (int row = 0; row < cells; row++)
                for (int col = 0; col < cells; col++)
                {
                    var (x, y) = view.ToData(col + 0.5, row + 0.5, cells);
                    // The library's activation on the weighted sum, as the neuron computes it.
                    double a = layer.Activation.Apply(new Value(w0 * x + w1 * y + b)).Data;
                    output[row * cells + col] = a;
                    largest = Math.Max(largest, Math.Abs(a));
                }
            var rgba = new byte[cells * cells * 4];
            for (int i = 0; i < output.Length; i++)
            {
                double t = output[i] / largest;
                var (r, g, bl) = t >= 0 ? ((byte)230, (byte)120, (byte)30) : ((byte)52, (byte)101, (byte)164);
                double s = double.IsFinite(t) ? Math.Abs(t) : 0;
                rgba[4 * i] = (byte)Math.Round(255 - (255 - r) * s);
                rgba[4 * i + 1] = (byte)Math.Round(255 - (255 - g) * s);
                rgba[4 * i + 2] = (byte)Math.Round(255 - (255 - bl) * s);
                rgba[4 * i + 3] = 255;
            }
            string formula = FormattableString.Invariant($"{layer.Activation.Name().ToLowerInvariant()}({w0:0.##}·x1 {Signed(w1)}·x2 {Signed(b)})");
            maps[n] = new NeuronMap(n, rgba, ZeroLine(w0, w1, b, view), formula);
        }
        return maps;
    }

    private static string Signed(double x) => FormattableString.Invariant($"{(x < 0 ? "−" : "+")} {Math.Abs(x):0.##}");

    /// <summary>Where w0·x + w1·y + b = 0 crosses the view's edges, as fractions from the top left.</summary>
    public static double[]? ZeroLine(double w0, double w1, double b, Viewport view)
    {
        var ends = new List<(double X, double Y)>();
        void Add(double x, double y)
        {
            if (x < view.XMin - 1e-12 || x > view.XMax + 1e-12 || y < view.YMin - 1e-12 || y > view.YMax + 1e-12) return;
            if (ends.Any(e => Math.Abs(e.X - x) < 1e-9 && Math.Abs(e.Y - y) < 1e-9)) return;
            ends.Add((x, y));
        }
        if (w1 != 0)
            foreach (double x in new[] { view.XMin, view.XMax }) Add(x, -(w0 * x + b) / w1);
        if (w0 != 0)
            foreach (double y in new[] { view.YMin, view.YMax }) Add(-(w1 * y + b) / w0, y);
        if (ends.Count < 2) return null;
        var (p, q) = (view.ToPixel(ends[0].X, ends[0].Y, 1), view.ToPixel(ends[1].X, ends[1].Y, 1));
        return [p.Px, p.Py, q.Px, q.Py];
    }
}
