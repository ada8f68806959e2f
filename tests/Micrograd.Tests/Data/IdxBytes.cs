using System.Buffers.Binary;
using System.IO.Compression;

namespace Micrograd.Tests.Data;

/// <summary>Small IDX files written by the tests themselves: nothing is downloaded.</summary>
internal static class IdxBytes
{
    /// <summary>An images file whose pixel j of image i is (i * 7 + j * 3) mod 256.</summary>
    public static byte[] Images(int count, int rows, int columns) =>
        [.. Header(0x00000803, (uint)count, (uint)rows, (uint)columns), .. Enumerable.Range(0, count * rows * columns).Select(k => Pixel(k / (rows * columns), k % (rows * columns)))];

    public static byte Pixel(int image, int j) => (byte)((image * 7 + j * 3) % 256);

    public static byte[] Labels(params byte[] labels) => [.. Header(0x00000801, (uint)labels.Length), .. labels];

    public static byte[] Header(int magic, params uint[] dims)
    {
        var header = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int d = 0; d < dims.Length; d++) BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + 4 * d), dims[d]);
        return header;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }

}
