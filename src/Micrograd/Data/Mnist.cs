namespace Micrograd.Data;

/// <summary>Image datasets in MNIST's IDX files (also Fashion-MNIST, KMNIST...; see <see cref="Idx"/>), read
/// from the caller's disk: nothing is downloaded.</summary>
public static class Mnist
{
    /// <summary>Tried in order: MNIST's, gzipped, Kaggle's.</summary>
    public static IReadOnlyList<string> TrainImagesNames { get; } = ["train-images-idx3-ubyte", "train-images-idx3-ubyte.gz", "train-images.idx3-ubyte"];

    public static IReadOnlyList<string> TestImagesNames { get; } = ["t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz", "t10k-images.idx3-ubyte"];

    /// <summary>Pixels row after row, divided by 255 (so in [0, 1]), named pixel_ROW_COLUMN; labels as classes.</summary>
    /// <exception cref="FileNotFoundException">When a file does not exist.</exception>
    /// <exception cref="IdxFormatException">For a bad file (see <see cref="Idx"/>), or labels that do not number
    /// one per image; the message names the file.</exception>
    public static Dataset Load(string imagesPath, string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(labelsPath);
        return Pair(Idx.ReadImages(imagesPath), imagesPath, labelsPath);
    }

    /// <summary>With the labels file found by <see cref="LabelsPathFor"/>.</summary>
    /// <exception cref="ArgumentException">For a file name without "images" and "idx3".</exception>
    /// <exception cref="FileNotFoundException">When the images file or its labels file does not exist.</exception>
    /// <exception cref="IdxFormatException">As for <see cref="Load(string, string)"/>.</exception>
    public static Dataset Load(string imagesPath)
    {
        var images = Idx.ReadImages(imagesPath);
        return Pair(images, imagesPath, LabelsPathFor(imagesPath));
    }

    private static Dataset Pair(IdxImages images, string imagesPath, string labelsPath)
    {
        var labels = Idx.ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw new IdxFormatException(
                $"{labelsPath}: expected {images.Count:N0} labels, one per image in {imagesPath}, got {labels.Length:N0}.", labelsPath);
        return ToDataset(images, labels, StripGz(Path.GetFileName(imagesPath)));
    }

    /// <summary>The file beside with the last "images" replaced by "labels" and "idx3" by "idx1", the same
    /// ending or else ".gz" added or removed, whichever exists first.</summary>
    /// <exception cref="ArgumentException">For a file name without "images" and "idx3".</exception>
    /// <exception cref="FileNotFoundException">When neither labels file exists.</exception>
    public static string LabelsPathFor(string imagesPath)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        string name = Path.GetFileName(imagesPath);
        int images = name.LastIndexOf("images", StringComparison.OrdinalIgnoreCase);
        int idx3 = name.LastIndexOf("idx3", StringComparison.OrdinalIgnoreCase);
        if (images < 0 || idx3 < 0)
            throw new ArgumentException(
                $"Expected an images file named the MNIST way, with 'images' and 'idx3' in its name (train-images-idx3-ubyte), got '{name}': give the labels file too.",
                nameof(imagesPath));
        string labels = name.Remove(images, 6).Insert(images, "labels");
        labels = labels.Remove(idx3, 4).Insert(idx3, "idx1");
        string dir = Path.GetDirectoryName(imagesPath) ?? "";
        string[] tried = [Path.Combine(dir, labels), Path.Combine(dir, name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? StripGz(labels) : labels + ".gz")];
        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Expected the labels of {imagesPath} beside it, as {tried[0]} or {tried[1]}, found neither.", tried[0]);
    }

    /// <summary>The training pair shuffled with <see cref="Datasets.SplitSeed"/> and cut 85% / 15% for validation;
    /// the test pair, if present, in its order, for testing. Named after the folder.</summary>
    /// <exception cref="FileNotFoundException">When the folder holds no training images, or an images file
    /// has no labels beside it.</exception>
    /// <exception cref="IdxFormatException">For a bad file; the message names it.</exception>
    public static DatasetSplits LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) is { Length: > 0 } n ? n : "mnist";
        string trainImages = Find(folder, TrainImagesNames)
            ?? throw new FileNotFoundException(
                $"Expected MNIST's files in the folder '{folder}', starting with one of {string.Join(", ", TrainImagesNames)}, found none.", folder);
        // The files together stay within Idx.MaxBytes, checked from their headers before either is inflated: two
        // small gzip files each declaring the limit would otherwise become twice the data.
        string? testImages = Find(folder, TestImagesNames);
        long trainBytes = Idx.DeclaredImageBytes(trainImages);
        if (testImages is not null) Idx.DeclaredImageBytes(testImages); // its own header first: its own message
        if (testImages is not null && trainBytes + Idx.DeclaredImageBytes(testImages) is var total && total > Idx.MaxBytes)
            throw new IdxFormatException(
                $"{folder}: expected at most {Idx.MaxBytes:N0} bytes of pixels in the training and test images together, got files that declare {trainBytes:N0} " +
                $"({Path.GetFileName(trainImages)}) and {total - trainBytes:N0} ({Path.GetFileName(testImages)}) = {total:N0}.", testImages);
        var train = Load(trainImages).Shuffle(new Rng(Datasets.SplitSeed)).Split(0.85, 0.15);
        var test = testImages is not null ? Load(testImages) : train.Test;
        return new DatasetSplits(Rename(train.Train, name), Rename(train.Validation, name), Rename(test, name));

        static Dataset Rename(Dataset d, string name) => d.Slice(0, d.Count, name);
    }

    /// <summary>Pixels divided by 255.</summary>
    /// <exception cref="ArgumentException">When there is not one label per image, or the pixels do not number
    /// Count × Rows × Columns.</exception>
    public static Dataset ToDataset(IdxImages images, IReadOnlyList<byte> labels, string name)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != images.Count)
            throw new ArgumentException($"Expected {images.Count:N0} labels, one per image, got {labels.Count:N0}.", nameof(labels));
        int size = images.Rows * images.Columns;
        if (images.Pixels.Length != (long)images.Count * size)
            throw new ArgumentException($"Expected {images.Count:N0} × {size:N0} pixels, got {images.Pixels.Length:N0}.", nameof(images));
        var inputs = new double[images.Count][];
        var targets = new double[images.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            var row = inputs[i] = new double[size];
            var pixels = images.Pixels.AsSpan(i * size, size);
            for (int j = 0; j < size; j++) row[j] = pixels[j] / 255.0;
            targets[i] = labels[i];
        }
        return Dataset.Own(name, inputs, targets, PixelNames(images.Rows, images.Columns), imageSize: new ImageSize(images.Rows, images.Columns));
    }

    /// <summary>scikit-learn's names for the digits' pixels: pixel_0_0, pixel_0_1, ...</summary>
    internal static string[] PixelNames(int rows, int columns) =>
        Enumerable.Range(0, rows * columns).Select(k => $"pixel_{k / columns}_{k % columns}").ToArray();

    private static string? Find(string folder, IReadOnlyList<string> names) =>
        names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);

    private static string StripGz(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
}
