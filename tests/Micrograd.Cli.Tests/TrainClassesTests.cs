using System.Buffers.Binary;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: the classes a run trains for come from the whole dataset, not from its training split alone, and
/// data of one class is refused rather than trained as if it had two.
/// </summary>
public class TrainClassesTests
{
    // An MNIST folder: training images of classes 0 and 1 only, test images (t10k) of classes 0, 1 and 2.
    private static void WriteMnistFolder(TempFolder folder)
    {
        Write(folder, "train", 12, i => (byte)(i % 2));
        Write(folder, "t10k", 6, i => (byte)(i % 3));
    }

    private static void Write(TempFolder folder, string prefix, int count, Func<int, byte> label)
    {
        const int side = 3;
        var images = new byte[16 + count * side * side];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), side);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), side);
        for (int i = 0; i < count * side * side; i++) images[16 + i] = (byte)(i * 53 % 256);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int i = 0; i < count; i++) labels[8 + i] = label(i);
        File.WriteAllBytes(folder.File($"{prefix}-images-idx3-ubyte"), images);
        File.WriteAllBytes(folder.File($"{prefix}-labels-idx1-ubyte"), labels);
    }

    [Fact]
    public void A_class_only_the_test_split_holds_gets_an_output()
    {
        // Inferred from the training split alone, the run had 2 outputs and then refused its own test split.
        using var data = new TempFolder();
        using var folder = new TempFolder();
        WriteMnistFolder(data);

        var result = CliRunner.Run("train", "--dataset", data.Path, "--steps", "2", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("the digits preset with 3 outputs", result.Out);
        var model = ModelFile.Load(folder.File("model.json"));
        Assert.Equal(3, model.Weights.OutputCount);
        Assert.Equal("0,1,2", model.Notes["classes"]);
    }

    [Theory]
    [InlineData("1", "+1")]
    [InlineData("-1", "-1")]
    [InlineData("0", "0")]
    [InlineData("3", "3")]
    public void Data_of_a_single_class_is_refused(string label, string shown)
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("one.csv"), ["a,b,y", .. Enumerable.Range(0, 30).Select(i => $"{i * 0.1},{-i * 0.2},{label}")]);

        var result = CliRunner.Run("train", "--dataset", folder.File("one.csv"), "--label", "y", "--out", folder.File("out"));

        CliRunner.AssertBadInput(result, "one.csv", "at least two classes", $"got only {shown} in 'y' in all 30 examples");
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Theory]
    [InlineData("hinge")]
    [InlineData("mse")]
    public void Asking_for_a_loss_does_not_make_one_label_two(string loss)
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("one.csv"), ["a,y", .. Enumerable.Range(0, 10).Select(i => $"{i},1")]);
        var result = CliRunner.Run("train", "--dataset", folder.File("one.csv"), "--label", "y", "--loss", loss, "--layers", "4,1", "--out", folder.File("out"));
        CliRunner.AssertBadInput(result, "got only +1");
    }

    [Fact]
    public void A_constant_that_is_no_label_is_still_a_regression()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("flat.csv"), ["a,y", .. Enumerable.Range(0, 10).Select(i => $"{i},2.5")]);
        var result = CliRunner.Run("train", "--dataset", folder.File("flat.csv"), "--label", "y", "--steps", "2", "--out", folder.File("out"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("regression defaults", result.Out);
    }
}
