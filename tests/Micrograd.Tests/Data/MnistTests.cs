using Micrograd.Data;

namespace Micrograd.Tests.Data;

/// <summary>IDX image files as datasets: pairs of files, labels found beside the images, MNIST folders and the
/// one loading call, on files the tests write (no fixture, nothing downloaded).</summary>
public class MnistTests
{
    [Fact]
    public void A_pair_of_files_is_a_dataset_of_pixels_over_255_and_class_labels()
    {
        using var dir = new TempFolder();
        var d = Mnist.Load(dir.Write("t10k-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Images(4, 2, 3))), dir.Write("labels", IdxBytes.Labels(9, 0, 3, 3)));
        Assert.Equal("t10k-images-idx3-ubyte", d.Name);
        Assert.Equal(4, d.Count);
        Assert.Equal(new ImageSize(2, 3), d.ImageSize);
        Assert.Equal(["pixel_0_0", "pixel_0_1", "pixel_0_2", "pixel_1_0", "pixel_1_1", "pixel_1_2"], d.InputNames);
        Assert.Equal([9.0, 0, 3, 3], d.Targets);
        Assert.Equal(10, d.ClassCount);
        for (int i = 0; i < 4; i++)
            Assert.Equal(Enumerable.Range(0, 6).Select(j => IdxBytes.Pixel(i, j) / 255.0), d.Inputs[i]);
        Assert.All(d.Inputs.SelectMany(r => r), v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Labels_that_do_not_number_one_per_image_are_refused_naming_both_files()
    {
        using var dir = new TempFolder();
        string images = dir.Write("train-images-idx3-ubyte", IdxBytes.Images(3, 2, 2));
        string labels = dir.Write("train-labels-idx1-ubyte", IdxBytes.Labels(1, 2));
        var e = Assert.Throws<IdxFormatException>(() => Mnist.Load(images));
        Assert.Equal(labels, e.Path);
        Assert.Equal($"{labels}: expected 3 labels, one per image in {images}, got 2.", e.Message);
        Assert.Throws<ArgumentException>(() => Mnist.ToDataset(Idx.ReadImages(images), [1, 2], "d"));
        Assert.Throws<ArgumentException>(() => Mnist.ToDataset(new IdxImages(2, 2, 2, new byte[7]), [1, 2], "d"));
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte", "train-labels-idx1-ubyte")]
    [InlineData("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")]
    [InlineData("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte")]
    [InlineData("train-images-idx3-ubyte", "train-labels-idx1-ubyte.gz")]
    [InlineData("t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte")]
    [InlineData("emnist-letters-train-images-idx3-ubyte", "emnist-letters-train-labels-idx1-ubyte")]
    public void The_labels_are_found_beside_the_images_by_mnists_naming(string images, string labels)
    {
        using var dir = new TempFolder();
        dir.Write(labels, IdxBytes.Labels(1));
        Assert.Equal(Path.Combine(dir.Path, labels), Mnist.LabelsPathFor(Path.Combine(dir.Path, images)));
    }

    [Fact]
    public void Missing_labels_are_not_found_with_both_names_tried_and_a_name_without_idx3_needs_its_labels_given()
    {
        using var dir = new TempFolder();
        string images = dir.Write("train-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Images(1, 1, 1)));
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(images));
        Assert.Contains("train-labels-idx1-ubyte.gz or ", e.Message);
        Assert.EndsWith("train-labels-idx1-ubyte, found neither.", e.Message);
        Assert.Contains("give the labels file too", Assert.Throws<ArgumentException>(() => Mnist.LabelsPathFor("digits.bin")).Message);
    }

    [Fact]
    public void A_folder_gives_85_15_of_the_training_pair_and_the_test_pair_in_order()
    {
        using var dir = new TempFolder();
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 10)).ToArray();
        dir.Write("train-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Images(40, 2, 2)));
        dir.Write("train-labels-idx1-ubyte.gz", IdxBytes.Gzip(IdxBytes.Labels(labels)));
        dir.Write("t10k-images-idx3-ubyte", IdxBytes.Images(5, 2, 2));
        dir.Write("t10k-labels-idx1-ubyte", IdxBytes.Labels(4, 3, 2, 1, 0));

        var s = Mnist.LoadFolder(dir.Path);
        Assert.Equal([34, 6, 5], new[] { s.Train.Count, s.Validation.Count, s.Test.Count });
        Assert.Equal([4.0, 3, 2, 1, 0], s.Test.Targets);
        Assert.All(new[] { s.Train, s.Validation, s.Test }, d => Assert.Equal(Path.GetFileName(dir.Path), d.Name));
        var whole = Mnist.Load(Path.Combine(dir.Path, "train-images-idx3-ubyte.gz"));
        var expected = whole.Shuffle(new Rng(Datasets.SplitSeed));
        Assert.Equal(expected.Targets, s.Train.Targets.Concat(s.Validation.Targets));
        Assert.Equal(expected.Inputs, s.Train.Inputs.Concat(s.Validation.Inputs));
    }

    [Fact]
    public void A_folder_whose_files_declare_more_than_the_limit_together_is_refused_before_either_is_inflated()
    {
        // Issue 21: two gzip files of 100 KB, each declaring the most one file may hold, became 2.8 GB of doubles.
        // 80,000 images of 28 × 28 = 62,720,000 bytes each, declared by headers with no data behind them.
        using var dir = new TempFolder();
        byte[] header = IdxBytes.Gzip(IdxBytes.Header(0x00000803, 80_000, 28, 28));
        dir.Write("train-images-idx3-ubyte.gz", header);
        dir.Write("train-labels-idx1-ubyte", IdxBytes.Labels(1));
        dir.Write("t10k-images-idx3-ubyte.gz", header);
        dir.Write("t10k-labels-idx1-ubyte", IdxBytes.Labels(1));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<IdxFormatException>(() => Mnist.LoadFolder(dir.Path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains($"expected at most {Idx.MaxBytes:N0} bytes of pixels in the training and test images together", e.Message);
        Assert.Contains("declare 62,720,000 (train-images-idx3-ubyte.gz) and 62,720,000 (t10k-images-idx3-ubyte.gz) = 125,440,000", e.Message);
        Assert.True(allocated < 4_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_folder_without_the_test_pair_has_an_empty_test_split_and_one_without_training_files_is_refused()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.LoadFolder(dir.Path));
        Assert.Contains($"in the folder '{dir.Path}'", e.Message);
        Assert.Contains("train-images-idx3-ubyte, train-images-idx3-ubyte.gz, train-images.idx3-ubyte", e.Message);

        dir.Write("train-images.idx3-ubyte", IdxBytes.Images(20, 1, 1));
        dir.Write("train-labels.idx1-ubyte", IdxBytes.Labels(new byte[20]));
        var s = Mnist.LoadFolder(dir.Path);
        Assert.Equal([17, 3, 0], new[] { s.Train.Count, s.Validation.Count, s.Test.Count });
    }

    [Fact]
    public void Load_takes_a_folder_an_images_file_or_refuses_a_labels_file_and_a_label_column()
    {
        using var dir = new TempFolder();
        string images = dir.Write("train-images-idx3-ubyte", IdxBytes.Images(20, 3, 3));
        string labels = dir.Write("train-labels-idx1-ubyte", IdxBytes.Labels(Enumerable.Range(0, 20).Select(i => (byte)(i % 3)).ToArray()));

        Assert.Equal(DataSource.IdxFolder, Datasets.SourceOf(dir.Path));
        Assert.Equal(DataSource.Idx, Datasets.SourceOf(images));
        Assert.Equal(DataSource.Idx, Datasets.SourceOf("somewhere/T10K-LABELS-IDX1-UBYTE.GZ"));
        Assert.Equal(DataSource.Csv, Datasets.SourceOf("somewhere/data.csv"));
        Assert.Equal(DataSource.BuiltIn, Datasets.SourceOf("Digits"));

        var rng = new Rng(5);
        var file = Datasets.Load(images, null, rng);
        Assert.Equal(new Rng(5).NextUInt32(), rng.NextUInt32()); // the split has its own seed
        Assert.Equal([14, 3, 3], new[] { file.Train.Count, file.Validation.Count, file.Test.Count });
        Assert.Equal(Datasets.ShuffleSplit(Mnist.Load(images)).Train.Targets, file.Train.Targets);
        var folder = Datasets.Load(dir.Path, null, rng);
        Assert.Equal([17, 3, 0], new[] { folder.Train.Count, folder.Validation.Count, folder.Test.Count });

        Assert.Contains("got the labels file", Assert.Throws<ArgumentException>(() => Datasets.Load(labels, null, rng)).Message);
        Assert.Contains("Expected no label column for the IDX data", Assert.Throws<ArgumentException>(() => Datasets.Load(images, "label", rng)).Message);
        Assert.Contains("no label column", Assert.Throws<ArgumentException>(() => Datasets.Load(dir.Path, "label", rng)).Message);
        string missing = Path.Combine(dir.Path, "t10k-images-idx3-ubyte");
        Assert.Equal(missing, Assert.Throws<FileNotFoundException>(() => Datasets.Load(missing, null, rng)).FileName);
    }

    [Fact]
    public void Load_passes_a_bad_idx_file_on_as_a_format_error()
    {
        using var dir = new TempFolder();
        string images = dir.Write("train-images-idx3-ubyte", IdxBytes.Labels(1, 2));
        dir.Write("train-labels-idx1-ubyte", IdxBytes.Labels(1, 2));
        Assert.Equal(images, Assert.Throws<IdxFormatException>(() => Datasets.Load(images, null, new Rng())).Path);
        Assert.Equal(images, Assert.Throws<IdxFormatException>(() => Datasets.Load(dir.Path, null, new Rng())).Path);
    }
}
