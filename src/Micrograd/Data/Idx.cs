using System.Buffers.Binary;
using System.IO.Compression;

namespace Micrograd.Data;

/// <summary>IDX files, MNIST's format: a magic number (two zero bytes, the number type, 0x08 for unsigned bytes,
/// the number of dimensions), each dimension's size as a big-endian int32, then the numbers, last dimension
/// fastest. A file starting with gzip's bytes 1F 8B is decompressed first, whatever its name.</summary>
/// <remarks>Nothing is allocated before the size is checked against the limits below and the bytes the file
/// holds; a compressed file is read to one byte past the declared size, never further.</remarks>
public static class Idx
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>Images or labels in one file (MNIST's training file holds 60,000).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Rows, and columns, of an image (MNIST's are 28 × 28).</summary>
    public const int MaxSide = 1_024;

    /// <summary>Bytes of pixels after decompression, in one file and in all the images files of one dataset (MNIST's
    /// training and test images: 54,880,000); a <see cref="Dataset"/> takes 8 per pixel.</summary>
    public const long MaxBytes = 100_000_000;

    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="IdxFormatException">For a file that is not an IDX images file of unsigned bytes, holds
    /// more or fewer bytes than it declares, or goes beyond the limits; the message names the file.</exception>
    public static IdxImages ReadImages(string path) => ReadFile(path, ReadImages);

    /// <param name="stream">Readable; read from its position to its end. It need not be seekable (a pipe, a FIFO,
    /// a network stream): the bytes are counted as they come.</param>
    /// <param name="path">Named in the messages; null for "the IDX data".</param>
    /// <exception cref="IdxFormatException">As for <see cref="ReadImages(string)"/>.</exception>
    public static IdxImages ReadImages(Stream stream, string? path = null)
    {
        var (dims, data) = Read(stream, path, 3);
        return new IdxImages(dims[0], dims[1], dims[2], data);
    }

    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="IdxFormatException">As for <see cref="ReadImages(string)"/>, for a labels file.</exception>
    public static byte[] ReadLabels(string path) => ReadFile(path, ReadLabels);

    /// <inheritdoc cref="ReadImages(Stream, string?)"/>
    public static byte[] ReadLabels(Stream stream, string? path = null) => Read(stream, path, 1).Data;

    /// <summary>The bytes of data an images file declares, its header checked, without reading the data: what a
    /// dataset of several files checks against <see cref="MaxBytes"/> before inflating any of them.</summary>
    internal static long DeclaredImageBytes(string path) =>
        ReadFile(path, (s, p) => Read(s, p, 3, headerOnly: true).Dims.Aggregate(1L, (a, d) => a * d));

    private static T ReadFile<T>(string path, Func<Stream, string?, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such IDX file: {path}", path);
        using var stream = File.OpenRead(path);
        return read(stream, path);
    }

    // With `headerOnly`, the dimensions only, checked, and no data.
    private static (int[] Dims, byte[] Data) Read(Stream stream, string? path, int rank, bool headerOnly = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string name = path ?? "the IDX data";
        if (!stream.CanRead) throw new ArgumentException($"Expected a readable stream for {name}, got one that cannot be read.", nameof(stream));
        int expectedMagic = rank == 3 ? ImagesMagic : LabelsMagic;
        string what = rank == 3 ? "IDX images file" : "IDX labels file";
        IdxFormatException Bad(string message) => new($"{name}: {message}", path);

        // gzip's first two bytes, read and then handed back, so that a stream that cannot seek works too
        var magic2 = new byte[2];
        int peeked = stream.ReadAtLeast(magic2, 2, throwOnEndOfStream: false);
        bool gzip = peeked == 2 && magic2[0] == 0x1F && magic2[1] == 0x8B;
        using var replay = new PrefixedStream(magic2.AsMemory(0, peeked), stream);
        using var inflater = gzip ? new GZipStream(replay, CompressionMode.Decompress, leaveOpen: true) : null;
        Stream source = inflater is null ? replay : inflater;
        try
        {
            var header = new byte[4 + 4 * rank];
            int got = source.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (got < 4)
                throw Bad($"expected an {what} starting with the magic number 0x{expectedMagic:X8}, got {Plural(got, "byte")}{(gzip ? " after decompression" : "")}.");
            int magic = BinaryPrimitives.ReadInt32BigEndian(header);
            if (magic != expectedMagic) throw Bad(WrongMagic(magic, rank, what));
            if (got < header.Length)
                throw Bad($"expected {rank * 4} bytes of dimensions after the magic number, got {got - 4}: the file is truncated.");

            var dims = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++)
            {
                uint value = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 + 4 * d));
                int max = d == 0 ? MaxCount : MaxSide;
                if (value == 0 || value > max)
                    throw Bad($"expected a {DimensionName(rank, d)} from 1 to {max:N0}, got {value:N0}.");
                dims[d] = (int)value;
                size *= value;
            }
            if (size > MaxBytes)
                throw Bad($"expected at most {MaxBytes:N0} bytes of data, got a header that declares {Declared(dims)} = {size:N0}.");
            if (headerOnly) return (dims, []);
            bool known = !gzip && stream.CanSeek;
            if (known && stream.Length - stream.Position is var present && present != size)
                throw Bad(LengthMismatch(dims, size, present)); // known before anything is allocated
            return (dims, ReadBody(source, size, known, Bad, dims, gzip ? " (after decompression)" : ""));
        }
        catch (InvalidDataException e)
        {
            throw Bad($"expected a valid gzip stream (it starts with gzip's bytes 1F 8B), but it is corrupt: {e.Message}");
        }
    }

    // The numbers, into an array that grows as they arrive, never past the size the header declares: a compressed
    // length says nothing of what it inflates to, so a lying header costs only the bytes really there, and reading
    // stops one byte past the declared size. (A buffer that doubles without that cap held 128 MB for 100 MB.)
    private static byte[] ReadBody(Stream source, long size, bool known, Func<string, IdxFormatException> bad, int[] dims, string after)
    {
        var data = new byte[known ? size : Math.Min(size, 1 << 20)];
        int got = 0;
        while (true)
        {
            got += source.ReadAtLeast(data.AsSpan(got), data.Length - got, throwOnEndOfStream: false);
            if (got < data.Length || got == size) break;
            Array.Resize(ref data, (int)Math.Min(size, 4L * data.Length)); // at most a third more than the data, in all
        }
        if (got < size) throw bad(LengthMismatch(dims, size, got) + after);
        if (source.ReadByte() >= 0)
            throw bad($"expected {size:N0} bytes of data after the header ({Declared(dims)}), got more{after}: the file holds more than it declares.");
        return data;
    }

    private static string LengthMismatch(int[] dims, long size, long present) => present < size
        ? $"expected {size:N0} bytes of data after the header ({Declared(dims)}), got {present:N0}: the file is truncated or its header is wrong."
        : $"expected {size:N0} bytes of data after the header ({Declared(dims)}), got {present:N0}: {present - size:N0} bytes more than the header declares.";

    private static string WrongMagic(int magic, int rank, string what)
    {
        string expected = $"an {what} (magic number 0x{(rank == 3 ? ImagesMagic : LabelsMagic):X8})";
        string got = $"0x{magic:X8}";
        if ((magic & unchecked((int)0xFFFF0000)) != 0) return $"expected {expected}, got {got}: not an IDX file.";
        int type = (magic >> 8) & 0xFF, gotRank = magic & 0xFF;
        if (type != 0x08) return $"expected {expected} of unsigned bytes, got {got}: numbers of type 0x{type:X2} ({TypeName(type)}).";
        string hint = gotRank switch { 1 => ": a labels file", 3 => ": an images file", _ => "" };
        return $"expected {expected} with {Plural(rank, "dimension")}, got {got}, with {Plural(gotRank, "dimension")}{hint}.";
    }

    private static string TypeName(int type) => type switch
    {
        0x09 => "signed bytes",
        0x0B => "16-bit integers",
        0x0C => "32-bit integers",
        0x0D => "32-bit floats",
        0x0E => "64-bit floats",
        _ => "not an IDX type",
    };

    private static string DimensionName(int rank, int d) => rank == 1 ? "number of labels" : d switch
    {
        0 => "number of images",
        1 => "number of rows",
        _ => "number of columns",
    };

    private static string Declared(int[] dims) => dims.Length == 1
        ? Plural(dims[0], "label")
        : $"{Plural(dims[0], "image")} of {dims[1]} × {dims[2]} pixels";

    private static string Plural(long n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary><see cref="Pixels"/>: image after image, row after row, 0 black to 255 white in MNIST.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);

/// <summary>A file that is not the IDX file expected, or goes beyond <see cref="Idx"/>'s limits.</summary>
public sealed class IdxFormatException(string message, string? path = null) : FormatException(message)
{
    /// <summary>As the caller named it; null for a stream without a name.</summary>
    public string? Path { get; } = path;
}
