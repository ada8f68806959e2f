using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Training;
using ScottPlot;
using SkiaSharp;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: what the plots draw, checked where it is drawn (not only that a PNG came out): the confusion
/// matrix's cells, which were once drawn transposed unnoticed, and the regression plot's points, which took the
/// colour of the shading around them and looked hollow.
/// </summary>
public class PlotPixelTests
{
    private static SKColor PixelAt(Plot plot, SKBitmap image, double x, double y)
    {
        var p = plot.GetPixel(new Coordinates(x, y));
        return image.GetPixel((int)Math.Round(p.X), (int)Math.Round(p.Y));
    }

    private static double Luminance(SKColor c) => 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;

    private static int Difference(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);

    [Fact]
    public void The_confusion_matrix_puts_true_classes_in_rows_and_predictions_in_columns()
    {
        // True a: 1 right, 6 taken for b; true b: 3 right; true c: 2 taken for a, 9 right. No two cells alike.
        int[] truth = [0, .. Enumerable.Repeat(0, 6), 1, 1, 1, 2, 2, .. Enumerable.Repeat(2, 9)];
        int[] predicted = [0, .. Enumerable.Repeat(1, 6), 1, 1, 1, 0, 0, .. Enumerable.Repeat(2, 9)];
        string[] names = ["a", "b", "c"];
        var counts = Plots.ConfusionMatrix.Counts(truth, predicted, 3);
        Assert.Equal(new int[,] { { 1, 6, 0 }, { 0, 3, 0 }, { 2, 0, 9 } }, counts);

        var plot = Plots.ConfusionMatrix.Build(truth, predicted, names, "t");
        using var image = SKBitmap.Decode(Png(plot, Plots.ConfusionMatrix.Width, Plots.ConfusionMatrix.Height));

        // Each cell's number is written in the row of its true class and the column of its prediction...
        var texts = plot.GetPlottables<ScottPlot.Plottables.Text>().ToDictionary(t => (t.Location.X, t.Location.Y), t => t.LabelText);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.Equal($"{counts[r, c]}", texts[(c, 2 - r)]);
        // ...whose ticks name that class and that prediction...
        Assert.Equal("predicted class", plot.Axes.Bottom.Label.Text);
        Assert.Equal("true class", plot.Axes.Left.Label.Text);
        Assert.Equal(names, plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label));
        Assert.Equal(names.Reverse(), plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label));
        // ...and its shade, beside the number, is darker the larger the count.
        var shade = new Dictionary<int, double>();
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                if (counts[r, c] > 0) shade[counts[r, c]] = Luminance(PixelAt(plot, image, c - 0.35, 2 - r + 0.35));
        var byCount = shade.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray();
        Assert.True(byCount.Zip(byCount.Skip(1)).All(p => p.First > p.Second), string.Join(", ", shade.Select(kv => $"{kv.Key}: {kv.Value:F0}")));
    }

    [Fact]
    public void Train_draws_the_validation_splits_confusion_as_the_saved_model_predicts_it()
    {
        // End to end: the confusion-matrix.png of a run is the matrix of the validation split's true classes
        // against the saved model's predictions, in that order.
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", "iris", "--steps", "3", "--out", folder.Path, "--quiet");
        Assert.True(result.ExitCode == 0, result.Err);

        var validation = Datasets.Iris().Validation;
        var model = ModelFile.Load(folder.File("model.json"));
        int[] truth = [.. validation.Targets.Select(t => (int)t)];
        int[] predicted = [.. model.Predict(validation.Inputs).Select(y => OutputKinds.ArgMax(y))];
        var counts = Plots.ConfusionMatrix.Counts(truth, predicted, 3);
        Assert.True(Enumerable.Range(0, 3).Any(r => Enumerable.Range(0, 3).Any(c => counts[r, c] != counts[c, r])), "the test needs a confusion that is not symmetric");

        double accuracy = (double)truth.Where((t, i) => t == predicted[i]).Count() / truth.Length;
        string title = $"iris: confusion matrix, {validation.Count} validation examples, accuracy {(accuracy * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}%";
        Assert.Equal(Plots.ConfusionMatrix.Render(truth, predicted, validation.ClassNames!, title), File.ReadAllBytes(folder.File("confusion-matrix.png")));
    }

    [Fact]
    public void Regression_points_stand_out_even_where_the_model_predicts_their_targets()
    {
        // Targets set to the untrained network's own predictions: each point's colour is the shading's there.
        var rng = new Rng(11);
        var inputs = Enumerable.Range(0, 12).Select(i => (IReadOnlyList<double>)[Math.Cos(i * 0.52) * 2, Math.Sin(i * 0.52) * 2]).ToArray();
        var config = new TrainingConfig { Layers = [8, 1], Activation = Nn.Activation.Tanh, Loss = LossKind.MeanSquaredError, Optimizer = OptimizerKind.AdamW, Steps = 1 };
        var first = new Trainer(config, Datasets.TrainOnly(new Dataset("d", inputs, Enumerable.Range(0, 12).Select(i => i * 0.1).ToArray())), new Rng(11));
        var targets = first.Predict(inputs).Select(y => y[0]).ToArray();
        var trainer = new Trainer(config, Datasets.TrainOnly(new Dataset("d", inputs, targets)), rng);
        Assert.Equal(targets, trainer.Predict(inputs).Select(y => y[0]));

        var plot = Plots.DecisionBoundary.Build(trainer.Result([]), "t");
        using var image = SKBitmap.Decode(Png(plot, Plots.DecisionBoundary.Width, Plots.DecisionBoundary.Height));

        var range = plot.GetPlottables<ScottPlot.Plottables.Heatmap>().Single().ManualRange!.Value; // the targets' and the predictions' span
        double lo = range.Min, hi = range.Max;
        var viridis = new ScottPlot.Colormaps.Viridis();
        foreach (var (x, t) in inputs.Zip(targets))
        {
            var centre = PixelAt(plot, image, x[0], x[1]);
            var beside = PixelAt(plot, image, x[0] + 0.12, x[1]); // just outside the marker, the shading only
            var colour = viridis.GetColor((Math.Min(15, (int)((t - lo) / (hi - lo) * 16)) + 0.5) / 16);
            Assert.True(Difference(centre, new SKColor(colour.R, colour.G, colour.B)) < 12, $"point ({x[0]:F2}, {x[1]:F2}) is drawn {centre}, its target's colour is {colour}");
            Assert.True(Difference(centre, beside) > 60, $"point ({x[0]:F2}, {x[1]:F2}) is drawn {centre}, the shading beside it {beside}: too alike to see");
        }
    }

    private static byte[] Png(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);
}
