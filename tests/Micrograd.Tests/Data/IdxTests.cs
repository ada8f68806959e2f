using Micrograd.Data;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Data;

/// <summary>The IDX reader on files the tests write (no fixture, nothing downloaded): good files, gzipped or
/// not, and bad ones, each refused with an <see cref="IdxFormatException"/> that names the file and says what
/// was expected and what came.</summary>
public class IdxTests
{
    [Fact]
    public void Images_and_labels_read_the_same_plain_and_gzipped()
    {
        using var dir = new TempFolder();
        var plain = Idx.ReadImages(dir.Write("a-images-idx3-ubyte", IdxBytes.Images(5, 3, 4)));
        var gzipped = Idx.ReadImages(dir.Write("a-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Images(5, 3, 4))));
        foreach (var images in new[] { plain, gzipped })
        {
            Assert.Equal((5, 3, 4), (images.Count, images.Rows, images.Columns));
            Assert.Equal(Enumerable.Range(0, 60).Select(k => IdxBytes.Pixel(k / 12, k % 12)), images.Pixels);
        }
        Assert.Equal([3, 1, 4, 1, 5], Idx.ReadLabels(dir.Write("l", IdxBytes.Labels(3, 1, 4, 1, 5))));
        Assert.Equal([3, 1, 4, 1, 5], Idx.ReadLabels(dir.Write("l.gz", IdxBytes.Gzip(IdxBytes.Labels(3, 1, 4, 1, 5)))));
    }

    [Fact]
    public void Gzip_is_told_by_its_bytes_not_by_the_name()
    {
        using var dir = new TempFolder();
        Assert.Equal(2, Idx.ReadImages(dir.Write("named-plain", IdxBytes.Gzip(IdxBytes.Images(2, 2, 2)))).Count);
        Assert.Equal(2, Idx.ReadImages(dir.Write("named.gz", IdxBytes.Images(2, 2, 2))).Count);
    }

    [Fact]
    public void A_stream_is_read_from_its_position_and_left_open()
    {
        var stream = new MemoryStream([0xAA, 0xBB, .. IdxBytes.Gzip(IdxBytes.Labels(7, 8))]) { Position = 2 };
        Assert.Equal([7, 8], Idx.ReadLabels(stream));
        Assert.True(stream.CanRead);
        var plain = new MemoryStream([0xAA, .. IdxBytes.Labels(9)]) { Position = 1 };
        Assert.Equal([9], Idx.ReadLabels(plain));
        Assert.True(plain.CanRead);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_plain_or_gzipped()
    {
        // Issue 21: a FIFO was refused with "expected a readable, seekable stream", which named neither.
        Assert.Equal([1, 2, 3], Idx.ReadLabels(new Unseekable(IdxBytes.Labels(1, 2, 3))));
        Assert.Equal([1, 2, 3], Idx.ReadLabels(new Unseekable(IdxBytes.Gzip(IdxBytes.Labels(1, 2, 3)))));
        var images = Idx.ReadImages(new Unseekable(IdxBytes.Images(3, 2, 2)));
        Assert.Equal(IdxBytes.Images(3, 2, 2)[16..], images.Pixels);
        Assert.Contains("expected 1 bytes of data after the header (1 label), got more: the file holds more than it declares",
            Assert.Throws<IdxFormatException>(() => Idx.ReadLabels(new Unseekable([.. IdxBytes.Labels(1), 5]))).Message);
        Assert.Contains("expected 3 bytes of data after the header (3 labels), got 2: the file is truncated",
            Assert.Throws<IdxFormatException>(() => Idx.ReadLabels(new Unseekable(IdxBytes.Labels(1, 2, 3)[..^1]))).Message);
    }

    [Fact]
    public void Another_format_is_not_an_idx_file()
    {
        var e = BadImages([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Contains("expected an IDX images file (magic number 0x00000803), got 0x89504E47: not an IDX file", e.Message);
    }

    [Fact]
    public void A_labels_file_read_as_images_and_the_reverse_say_which_they_are()
    {
        Assert.Contains("got 0x00000801, with 1 dimension: a labels file", BadImages(IdxBytes.Labels(1, 2, 3)).Message);
        Assert.Contains("got 0x00000803, with 3 dimensions: an images file", BadLabels(IdxBytes.Images(1, 2, 2)).Message);
    }

    [Fact]
    public void Numbers_of_another_type_are_named()
    {
        var e = BadImages([.. IdxBytes.Header(0x00000D03, 1, 1, 1), 0, 0, 0, 0]);
        Assert.Contains("of unsigned bytes, got 0x00000D03: numbers of type 0x0D (32-bit floats)", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Fewer_than_four_bytes_are_refused(int length)
    {
        var e = BadLabels(new byte[length]);
        Assert.Contains($"starting with the magic number 0x00000801, got {length} bytes", e.Message);
    }

    [Fact]
    public void A_header_cut_short_is_truncated()
    {
        var e = BadImages(IdxBytes.Header(0x00000803, 10, 28, 28)[..10]);
        Assert.Contains("expected 12 bytes of dimensions after the magic number, got 6: the file is truncated", e.Message);
    }

    [Fact]
    public void Data_shorter_than_declared_is_truncated_plain_or_gzipped()
    {
        byte[] cut = IdxBytes.Images(3, 4, 4)[..^5];
        var plain = BadImages(cut);
        Assert.Contains("expected 48 bytes of data after the header (3 images of 4 × 4 pixels), got 43: the file is truncated", plain.Message);
        var gzipped = BadImages(IdxBytes.Gzip(cut));
        Assert.Contains("got 43: the file is truncated or its header is wrong. (after decompression)", gzipped.Message);
    }

    [Fact]
    public void Data_longer_than_declared_is_refused_plain_or_gzipped()
    {
        byte[] longer = [.. IdxBytes.Labels(1, 2), 9, 9, 9];
        Assert.Contains("expected 2 bytes of data after the header (2 labels), got 5: 3 bytes more than the header declares", BadLabels(longer).Message);
        Assert.Contains("got more (after decompression): the file holds more than it declares", BadLabels(IdxBytes.Gzip(longer)).Message);
    }

    [Theory]
    [InlineData(0u, 28u, 28u, "a number of images from 1 to 1,000,000, got 0")]
    [InlineData(1_000_001u, 1u, 1u, "a number of images from 1 to 1,000,000, got 1,000,001")]
    [InlineData(10u, 0u, 28u, "a number of rows from 1 to 1,024, got 0")]
    [InlineData(10u, 28u, 1025u, "a number of columns from 1 to 1,024, got 1,025")]
    [InlineData(4_000_000_000u, 28u, 28u, "a number of images from 1 to 1,000,000, got 4,000,000,000")]
    [InlineData(1_000_000u, 28u, 28u, "at most 100,000,000 bytes of data, got a header that declares 1,000,000 images of 28 × 28 pixels = 784,000,000")]
    public void Dimensions_beyond_the_limits_are_refused(uint count, uint rows, uint columns, string expected) =>
        Assert.Contains(expected, BadImages(IdxBytes.Header(0x00000803, count, rows, columns)).Message);

    [Fact]
    public void A_header_that_lies_about_the_length_allocates_nothing_of_that_size()
    {
        // 127,551 images of 28 × 28 = 99,999,984 bytes declared, 16 present.
        byte[] lie = [.. IdxBytes.Header(0x00000803, 127_551, 28, 28), .. new byte[16]];
        foreach (var bytes in new[] { lie, IdxBytes.Gzip(lie) })
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<IdxFormatException>(() => Idx.ReadImages(new MemoryStream(bytes)));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Contains("expected 99,999,984 bytes of data", e.Message);
            Assert.True(allocated < 4_000_000, $"allocated {allocated:N0} bytes for a file of {bytes.Length} bytes");
        }
    }

    [Fact]
    public void A_corrupt_gzip_stream_is_a_format_error()
    {
        byte[] gz = IdxBytes.Gzip(IdxBytes.Images(20, 8, 8));
        for (int i = 10; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        var e = BadImages(gz);
        Assert.Contains("gzip", e.Message);
    }

    [Fact]
    public void A_gzip_stream_cut_short_is_refused()
    {
        byte[] gz = IdxBytes.Gzip(IdxBytes.Images(20, 8, 8));
        BadImages(gz[..(gz.Length / 2)]);
    }

    [Fact]
    public void The_exception_names_the_file_in_its_message_and_path()
    {
        using var dir = new TempFolder();
        string path = dir.Write("train-images-idx3-ubyte", [1, 2, 3, 4]);
        var e = Assert.Throws<IdxFormatException>(() => Idx.ReadImages(path));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + ": expected", e.Message);
        var fromStream = Assert.Throws<IdxFormatException>(() => Idx.ReadImages(new MemoryStream([1, 2, 3, 4])));
        Assert.Null(fromStream.Path);
        Assert.StartsWith("the IDX data: expected", fromStream.Message);
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        string path = Path.Combine(Path.GetTempPath(), "micrograd-no-such-" + Guid.NewGuid());
        Assert.Equal(path, Assert.Throws<FileNotFoundException>(() => Idx.ReadLabels(path)).FileName);
    }

    [Fact]
    public void The_readme_states_the_limits_the_reader_enforces() =>
        Assert.Contains($"at most {Idx.MaxCount:N0} images of at most {Idx.MaxSide:N0} × {Idx.MaxSide:N0} pixels and {Idx.MaxBytes:N0} bytes of pixels per file",
            File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    private static IdxFormatException BadImages(byte[] bytes) => Assert.Throws<IdxFormatException>(() => Idx.ReadImages(new MemoryStream(bytes)));

    private static IdxFormatException BadLabels(byte[] bytes) => Assert.Throws<IdxFormatException>(() => Idx.ReadLabels(new MemoryStream(bytes)));

    // A readable stream that cannot seek, as a network stream.
    [Fact]
    public void A_compressed_file_costs_about_its_declared_size_not_twice_it()
    {
        // Issue 21: the decompressed bytes went through a buffer that doubled as it grew (128 MB for 100 MB).
        const int count = 20_000, side = 28; // 15,680,000 bytes of zeros, 15 KB compressed
        byte[] gz = IdxBytes.Gzip([.. IdxBytes.Header(0x00000803, count, side, side), .. new byte[count * side * side]]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var images = Idx.ReadImages(new MemoryStream(gz));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(count * side * side, images.Pixels.Length);
        Assert.True(allocated < 1.6 * images.Pixels.Length, $"allocated {allocated:N0} bytes for {images.Pixels.Length:N0} of pixels");
    }

    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
