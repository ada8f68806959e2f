namespace Micrograd.Data;

/// <summary>Reading untrusted streams without trusting their length: a pipe, a device or a decompressor has none
/// to check first, and a file under /proc reports 0.</summary>
internal static class BoundedRead
{
    /// <summary>The stream's bytes from its position, but never more than <paramref name="max"/> + 1 of them: a
    /// caller that gets more than <paramref name="max"/> knows the stream is too long without having read it all.</summary>
    public static byte[] UpTo(Stream stream, long max)
    {
        long capacity = Math.Min(stream.CanSeek ? stream.Length - stream.Position : max + 1, 1 << 20);
        using var bytes = new MemoryStream((int)Math.Clamp(capacity, 0, max + 1));
        var chunk = new byte[81920];
        int n;
        while (bytes.Length <= max && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - bytes.Length))) > 0)
            bytes.Write(chunk, 0, n);
        return bytes.ToArray();
    }

    /// <summary>The stream's bytes from its position, refusing one longer than <paramref name="max"/> before
    /// reading when its length is known, and after <paramref name="max"/> + 1 bytes when it is not. <paramref name="tooLarge"/> makes the exception for
    /// a stream too long, given its length when known, else null.</summary>
    public static byte[] All(Stream stream, long max, Func<long?, Exception> tooLarge)
    {
        if (stream.CanSeek && stream.Length - stream.Position > max) throw tooLarge(stream.Length - stream.Position);
        var bytes = UpTo(stream, max);
        return bytes.Length <= max ? bytes : throw tooLarge(null);
    }
}
