using ScottPlot;

namespace Micrograd.Cli.Plots;

/// <summary>
/// The class colours, after matplotlib's "Spectral" map that micrograd's demo uses: red for the first class
/// (-1), blue for the last (+1), and distinct colours between. Regions get a pale version of the same colour
/// so the data points stand out on top.
/// </summary>
internal static class PlotColors
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#D53E4F"), // red
        Color.FromHex("#3288BD"), // blue
        Color.FromHex("#F6A623"), // orange
        Color.FromHex("#66A61E"), // green
        Color.FromHex("#7B5EA7"), // purple
        Color.FromHex("#1B9E9E"), // teal
        Color.FromHex("#8C564B"), // brown
        Color.FromHex("#E377C2"), // pink
    ];

    /// <summary>The colour of class <paramref name="index"/>: with two classes
    /// red and blue, as in the demo's plot.</summary>
    public static Color Class(int index) => Palette[index % Palette.Length];

    public static Color Region(int index) => Class(index).MixedWith(Colors.White, 0.6);

    /// <summary>A colormap that maps class i of <paramref name="count"/> (normalized to i / (count - 1)) to
    /// its region colour, for a heatmap of predicted classes.</summary>
    public sealed class ClassRegions(int count) : IColormap
    {
        public string Name => "micrograd classes";

        public Color GetColor(double normalized)
        {
            if (double.IsNaN(normalized)) return Colors.White;
            int i = count <= 1 ? 0 : (int)Math.Round(Math.Clamp(normalized, 0, 1) * (count - 1));
            return Region(i);
        }
    }
}
