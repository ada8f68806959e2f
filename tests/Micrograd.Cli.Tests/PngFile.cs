using System.Buffers.Binary;

namespace Micrograd.Cli.Tests;

/// <summary>Reads what a test needs from a PNG file: the signature and the size in the IHDR chunk.</summary>
public static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height of the PNG at <paramref name="path"/>, after checking its signature and
    /// that its first chunk is IHDR.</summary>
    public static (int Width, int Height) Size(string path) => Size(File.ReadAllBytes(path), path);

    /// <summary>The width and height of a PNG in memory.</summary>
    public static (int Width, int Height) Size(byte[] bytes, string name = "the PNG")
    {
        Assert.True(bytes.Length > 33, $"{name} is too short for a PNG");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
