using System.Buffers.Binary;
using System.Globalization;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd train</c> on the tensor engine: for every preset and every kind of dataset (built in,
/// CSV, IDX), the engine chosen when none is given, float32, and one error line for each bad input.</summary>
public class TensorTrainTests
{
    private static double[] Losses(string log) =>
        File.ReadAllLines(log).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData("lecture", null)]
    [InlineData("moons", "10")]
    [InlineData("yinyang", "20")]
    public void Every_preset_trains_on_the_tensor_engine_to_the_dynamic_engines_losses(string preset, string? batch)
    {
        using var folder = new TempFolder();
        string[] common = ["train", "--preset", preset, "--steps", "30", "--quiet", .. batch is null ? Array.Empty<string>() : ["--batch-size", batch]];
        var dynamic = CliRunner.Run([.. common, "--engine", "dynamic", "--out", folder.File("d"), "--log", folder.File("d.csv")]);
        var tensor = CliRunner.Run([.. common, "--engine", "tensor", "--out", folder.File("t"), "--log", folder.File("t.csv")]);
        Assert.True(dynamic.ExitCode == 0 && tensor.ExitCode == 0, dynamic.Err + tensor.Err);
        var expected = Losses(folder.File("d.csv"));
        var actual = Losses(folder.File("t.csv"));
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 1e-12 * Math.Abs(expected[k]));
        Assert.Equal(NetworkKind.TensorMLP, ModelFile.Load(folder.File("t/model.json")).Network);
    }

    [Fact]
    public void A_network_too_large_for_the_dynamic_engine_runs_on_the_tensor_engine_and_the_summary_says_why()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--layers", "300,300,1", "--steps", "2", "--out", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("  engine      tensor (float64): 91,501 parameters × 100 examples are more than the dynamic engine takes on (2,000,000)", result.OutLines);
    }

    [Fact]
    public void The_default_run_says_its_engine_is_the_presets()
    {
        var result = CliRunner.Run("train", "--steps", "1", "--out", Path.Combine(Path.GetTempPath(), "micrograd-cli-tests", Guid.NewGuid().ToString("N")));
        Assert.Contains("  engine      dynamic: the moons preset's", result.OutLines);
    }

    [Fact]
    public void Float32_runs_on_the_tensor_engine_and_its_model_predicts_in_float32()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--preset", "yinyang", "--precision", "float32", "--out", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("  engine      tensor (float32): the engine that computes in float32 (--precision)", result.OutLines);
        var loaded = ModelFile.Load(folder.File("model.json"));
        Assert.Equal((NetworkKind.TensorMLP, Precision.Float32), (loaded.Network, loaded.Precision));

        var predict = CliRunner.Run("predict", "--model", folder.File("model.json"), "0.5", "-0.25");
        Assert.True(predict.ExitCode == 0, predict.Err);
        var y = loaded.Weights.ToTensorMLP<float>().Forward(Tensors.Tensor<float>.FromArray([0.5f, -0.25f], [1, 2])).ToArray();
        Assert.Equal($"output1  {y[0].ToString("R", CultureInfo.InvariantCulture)}", predict.OutLines[0]);
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("wine")]
    [InlineData("breast-cancer")]
    public void Shipped_tables_train_with_a_validation_split_a_confusion_matrix_and_no_grid(string dataset)
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--dataset", dataset, "--engine", "tensor", "--batch-size", "32", "--steps", "20", "--out", folder.Path, "--log", folder.File("log.csv"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains(result.OutLines, l => l.StartsWith("  validation  loss", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, l => l.Contains("mistakes", StringComparison.Ordinal));
        Assert.True(File.Exists(folder.File("confusion-matrix.png")));
        Assert.False(File.Exists(folder.File("mistakes.png")));
        Assert.Contains(File.ReadAllLines(folder.File("log.csv")).Skip(1), l => l.Split(',')[4].Length > 0);
    }

    [Fact]
    public void Idx_files_train_with_a_grid_of_mistakes()
    {
        using var folder = new TempFolder();
        var (images, _) = WriteIdx(folder, 60, 6);
        var result = CliRunner.Run("train", "--dataset", images, "--engine", "tensor", "--steps", "3", "--batch-size", "16", "--out", folder.File("out"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("  settings not given came from the digits preset with 3 outputs (the data are 6 × 6 images of classes 0 to 2: cross-entropy)", result.OutLines);
        Assert.True(File.Exists(folder.File("out/mistakes.png")));
        Assert.True(File.Exists(folder.File("out/confusion-matrix.png")));
        Assert.Equal(36, ModelFile.Load(folder.File("out/model.json")).Weights.InputCount);
    }

    [Fact]
    public void A_bad_idx_file_is_one_line()
    {
        using var folder = new TempFolder();
        var (images, _) = WriteIdx(folder, 10, 4);
        var bytes = File.ReadAllBytes(images);
        bytes[3] = 0x02; // a magic number of two dimensions
        File.WriteAllBytes(images, bytes);
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", images, "--out", folder.File("out")), "train-images-idx3-ubyte");
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void An_unknown_dataset_is_one_line_naming_the_choices()
    {
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", "digitz"), "--dataset", "digits", "'digitz', which does not exist");
    }

    [Fact]
    public void A_label_with_more_classes_than_outputs_is_one_line()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("d.csv"), ["a,b,y", .. Enumerable.Range(0, 20).Select(i => $"{i},{-i},{i % 5}")]);
        var result = CliRunner.Run("train", "--dataset", folder.File("d.csv"), "--label", "y", "--layers", "8,3", "--out", folder.File("out"));
        CliRunner.AssertBadInput(result, "at most 3 classes, one per output", "classes up to 4 (5 classes)", "5 outputs");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--dataset", "yinyang", "--layers", "8,2"), "at most 2 classes", "3 classes");
    }

    [Theory]
    [InlineData(new[] { "--precision", "float16" }, "--precision: expected float64 or float32, got 'float16'")]
    [InlineData(new[] { "--engine", "dynamic", "--precision", "float32" }, "expected float64 with the dynamic engine")]
    [InlineData(new[] { "--dataset", "digits", "--engine", "dynamic" }, "parameters × examples for the dynamic engine", "or the tensor engine")]
    [InlineData(new[] { "--dataset", "digits", "--label", "y" }, "--label", "'digits' is built in")]
    [InlineData(new[] { "--engine", "tensor", "--layers", "4000000,1" }, "at most 1,000,000 parameters for the tensor engine")]
    [InlineData(new[] { "--engine", "tensor", "--layers", "200000,1" }, "at most 10,000,000 examples × units", "100 × 200,003")]
    public void Bad_tensor_options_are_one_line(string[] args, params string[] mentions)
    {
        using var folder = new TempFolder();
        CliRunner.AssertBadInput(CliRunner.Run(["train", .. args, "--out", folder.File("out")]), mentions);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    // MNIST's file names in a folder: `count` images of side × side pixels, classes 0, 1, 2 in turn.
    private static (string Images, string Labels) WriteIdx(TempFolder folder, int count, int side)
    {
        var images = new byte[16 + count * side * side];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), side);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), side);
        for (int i = 0; i < count * side * side; i++) images[16 + i] = (byte)(i * 37 % 256);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int i = 0; i < count; i++) labels[8 + i] = (byte)(i % 3);
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), images);
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), labels);
        return (folder.File("train-images-idx3-ubyte"), folder.File("train-labels-idx1-ubyte"));
    }
}
