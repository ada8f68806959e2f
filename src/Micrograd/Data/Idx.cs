using System.Buffers.Binary;
using System.IO.Compression;

namespace Micrograd.Data;

/// <summary>
/// IDX files, the format of MNIST (and of Fashion-MNIST, KMNIST, EMNIST): a magic number of four bytes (two zero
/// bytes, the type of the numbers, 0x08 for unsigned bytes, and the number of dimensions), each dimension's size
/// as a big-endian 32-bit number, then the numbers, the last dimension varying fastest. An images file has the
/// magic number 0x00000803 (images × rows × columns), a labels file 0x00000801. A file that starts with gzip's
/// bytes 1F 8B is decompressed first, whatever its name.
/// </summary>
/// <remarks>Nothing is allocated for the data before its size is checked against the limits below, and, for an
/// uncompressed file, against the bytes the file holds; a compressed file is read up to the declared size and
/// one byte more, never further.</remarks>
public static class Idx
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>The most images or labels in one file (MNIST's training file holds 60,000).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The most rows, and the most columns, of an image (MNIST's are 28 × 28).</summary>
    public const int MaxSide = 1_024;

    /// <summary>The most bytes of numbers in one file, after decompression (MNIST's training images: 47,040,000).
    /// As a <see cref="Dataset"/>, each pixel then takes 8 bytes.</summary>
    public const long MaxBytes = 100_000_000;

    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="IdxFormatException">For a file that is not an IDX images file of unsigned bytes, holds
    /// more or fewer bytes than it declares, or goes beyond the limits; the message names the file.</exception>
    public static IdxImages ReadImages(string path) => ReadFile(path, ReadImages);

    /// <summary>Reads from <paramref name="stream"/>'s current position to its end.</summary>
    /// <param name="stream">Readable and seekable (a file or a memory stream).</param>
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

    private static T ReadFile<T>(string path, Func<Stream, string?, T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such IDX file: {path}", path);
        using var stream = File.OpenRead(path);
        return read(stream, path);
    }

    private static (int[] Dims, byte[] Data) Read(Stream stream, string? path, int rank)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek) throw new ArgumentException("Expected a readable, seekable stream.", nameof(stream));
        int expectedMagic = rank == 3 ? ImagesMagic : LabelsMagic;
        string what = rank == 3 ? "IDX images file" : "IDX labels file";
        string name = path ?? "the IDX data";
        IdxFormatException Bad(string message) => new($"{name}: {message}", path);

        long start = stream.Position;
        bool gzip = stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B;
        stream.Position = start;
        using var inflater = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        Stream source = inflater ?? stream;
        try
        {
            var header = new byte[4 + 4 * rank];
            int got = ReadFully(source, header);
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

            byte[] data = gzip ? ReadCompressed(source, size, Bad, dims) : ReadPlain(stream, size, Bad, dims);
            return (dims, data);
        }
        catch (InvalidDataException e)
        {
            throw Bad($"expected a valid gzip stream (it starts with gzip's bytes 1F 8B), but it is corrupt: {e.Message}");
        }
    }

    // The bytes left in an uncompressed file are known before anything is allocated.
    private static byte[] ReadPlain(Stream stream, long size, Func<string, IdxFormatException> bad, int[] dims)
    {
        long present = stream.Length - stream.Position;
        if (present != size) throw bad(LengthMismatch(dims, size, present));
        var data = new byte[size];
        stream.ReadExactly(data);
        return data;
    }

    // A compressed file's length says nothing of what it inflates to, so it is read in growing chunks, to one byte
    // past the declared size at most: a header that lies costs only the bytes that are really there.
    private static byte[] ReadCompressed(Stream source, long size, Func<string, IdxFormatException> bad, int[] dims)
    {
        using var data = new MemoryStream((int)Math.Min(size + 1, 1 << 20));
        var chunk = new byte[81920];
        int n;
        while (data.Length <= size && (n = source.Read(chunk, 0, (int)Math.Min(chunk.Length, size + 1 - data.Length))) > 0)
            data.Write(chunk, 0, n);
        if (data.Length != size)
            throw bad(data.Length > size
                ? $"expected {size:N0} bytes of data after the header ({Declared(dims)}), got more after decompression: the file holds more than it declares."
                : LengthMismatch(dims, size, data.Length) + " (after decompression)");
        return data.ToArray();
    }

    private static int ReadFully(Stream source, byte[] buffer)
    {
        int total = 0, n;
        while (total < buffer.Length && (n = source.Read(buffer, total, buffer.Length - total)) > 0) total += n;
        return total;
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

/// <summary>The images of an IDX file: <see cref="Pixels"/> holds <see cref="Count"/> images of
/// <see cref="Rows"/> × <see cref="Columns"/> bytes (0 black to 255 white in MNIST), image after image, each row
/// after row.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);

/// <summary>A file that is not the IDX file expected, or goes beyond <see cref="Idx"/>'s limits. The message
/// names the file and says what was expected and what came.</summary>
public sealed class IdxFormatException(string message, string? path = null) : FormatException(message)
{
    /// <summary>The file, as the caller named it; null when the data was read from a stream without a name.</summary>
    public string? Path { get; } = path;
}
