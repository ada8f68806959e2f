using System.Text;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>Files that are not a readable ONNX model: corrupt, truncated, oversized, inconsistent. Each gets an
/// <see cref="OnnxFormatException"/> and nothing else; sizes are checked before allocating.</summary>
public sealed class FileFaultTests
{
    private static readonly byte[] Exported = OnnxFile.ToBytes(new MLP(2, [4, 3], Activation.Tanh, rng: new Rng(3)), new OnnxExportOptions { OutputSoftmax = true });

    [Fact]
    public void EveryTruncationIsAFormatError()
    {
        for (int length = 0; length < Exported.Length; length++)
        {
            var e = Record.Exception(() => OnnxFile.FromBytes(Exported.AsSpan(0, length), "cut.onnx"));
            Assert.True(e is OnnxFormatException, $"cut to {length} of {Exported.Length} bytes: {e?.GetType().Name ?? "no exception"}: {e?.Message}");
            Assert.StartsWith("cut.onnx", e!.Message);
        }
    }

    [Fact]
    public void EveryCorruptByteGivesAModelOrAFormatError()
    {
        int read = 0;
        for (int i = 0; i < Exported.Length; i++)
            foreach (byte flip in new byte[] { 0xFF, 0x80, 0x01 })
            {
                var bytes = (byte[])Exported.Clone();
                bytes[i] ^= flip;
                try
                {
                    var model = OnnxFile.FromBytes(bytes);
                    _ = model.ToMLP();
                    read++;
                }
                catch (OnnxFormatException) { }
                catch (Exception e)
                {
                    Assert.Fail($"byte {i} ^ 0x{flip:X2}: {e.GetType().Name}: {e.Message}");
                }
            }
        Assert.InRange(read, 1, 3 * Exported.Length - 1); // a weight's byte changes a weight; a structure's byte breaks the file
    }

    [Fact]
    public void TextIsNotOnnx()
    {
        var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(Encoding.UTF8.GetBytes("{\"format\": \"micrograd-mlp\", \"version\": 1}"), "model.json"));
        Assert.StartsWith("model.json is not", e.Message);
    }

    [Fact]
    public void AnEmptyFileIsNotAModel() =>
        Assert.Contains("not an ONNX model: it states no IR version", Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes([])).Message);

    [Fact]
    public void AFileOverTheLimitIsRefusedBeforeReading()
    {
        string path = Path.Combine(Path.GetTempPath(), $"micrograd-oversized-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var f = File.Create(path)) f.SetLength(OnnxFile.DefaultMaxBytes + 1); // sparse: nothing is written
            var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.Load(path));
            Assert.Contains($"is {OnnxFile.DefaultMaxBytes + 1:N0} bytes; Micrograd reads ONNX files of up to {OnnxFile.DefaultMaxBytes:N0} bytes", e.Message);

            File.WriteAllBytes(path, Exported);
            Assert.Throws<OnnxFormatException>(() => OnnxFile.Load(path, maxBytes: Exported.Length - 1));
            Assert.Equal(3, OnnxFile.Load(path, maxBytes: Exported.Length).OutputCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AStreamThatSaysItIsEmptyIsStillReadNoFurtherThanTheLimit()
    {
        var stream = new LyingStream(new byte[1000], reportedLength: 0); // as /proc/self/status: length 0, then a kilobyte
        var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.Read(stream, maxBytes: 100));
        Assert.Contains("is more than 100 bytes; Micrograd reads ONNX files of up to 100 bytes", e.Message);
    }

    [Fact]
    public void AMissingFileIsNotFound() =>
        Assert.Throws<FileNotFoundException>(() => OnnxFile.Load(Path.Combine(Path.GetTempPath(), "no-such-model.onnx")));

    [Theory]
    [InlineData(new long[] { 2, 3 }, 5, "has shape [2, 3], 6 numbers, but its data holds 5 numbers")]
    [InlineData(new long[] { 2, -3 }, 6, "has a negative dimension (-3)")]
    [InlineData(new long[] { 1L << 40, 1L << 40 }, 4, "has a dimension of 1099511627776, more than 2,147,483,647")]
    [InlineData(new long[] { 1L << 30, 1L << 30 }, 4, "has shape [1073741824, 1073741824], too many numbers")]
    public void ATensorWhoseShapeDisagreesWithItsDataIsAFormatError(long[] dims, int count, string message)
    {
        var builder = new GraphBuilder(3).Tensor("W", [2, 3], 1, 2, 3, 4, 5, 6).Node("Gemm", ["x", "W"], "y", Int("transB", 1));
        var w = builder.Model.Graph.Initializer[0];
        w.Dims.Clear();
        w.Dims.AddRange(dims);
        w.FloatData.Clear();
        w.FloatData.AddRange(Enumerable.Repeat(1f, count));
        Assert.Contains($"tensor 'W' {message}", Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void RawDataOfTheWrongLengthIsAFormatError()
    {
        var builder = new GraphBuilder(3).Tensor("W", [2, 3], 1, 2, 3, 4, 5, 6).Node("Gemm", ["x", "W"], "y", Int("transB", 1));
        var w = builder.Model.Graph.Initializer[0];
        w.FloatData.Clear();
        w.RawData = Google.Protobuf.ByteString.CopyFrom(new byte[23]);
        Assert.Contains("but its data holds 23 bytes", Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void LayersThatDoNotFitTogetherAreAFormatError()
    {
        var bytes = new GraphBuilder(2).Tensor("W", [2, 3], 1, 2, 3, 4, 5, 6).Node("Gemm", ["x", "W"], "y", Int("transB", 1)).Bytes("y");
        Assert.Contains("takes 3 inputs, but the data reaching it has 2", Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(bytes)).Message);
    }

    [Fact]
    public void ANameNothingProvidesIsAFormatError()
    {
        var bytes = new GraphBuilder(2).Node("Gemm", ["x", "W"], "y", Int("transB", 1)).Bytes("y");
        Assert.Contains("uses 'W', which no initializer or earlier node provides", Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(bytes)).Message);
    }

    [Fact]
    public void AModelTooLargeForValuesStillMakesATensorMlp()
    {
        var bytes = new GraphBuilder(1000).Tensor("W", [1001, 1000], new double[1001 * 1000]).Node("Gemm", ["x", "W"], "y", Int("transB", 1)).Bytes("y", 1001);
        var imported = OnnxFile.FromBytes(bytes, "big.onnx");

        var e = Assert.Throws<OnnxUnsupportedException>(imported.ToMLP);
        Assert.Contains("big.onnx has 1,002,001 parameters; Micrograd's MLP holds at most 1,000,000", e.Message);
        Assert.Equal(1001, imported.ToTensorMLP<float>().OutputCount);
    }

    [Fact]
    public void OneWeightSharedByManyLayersCannotMakeTheReaderTakeUnboundedMemory()
    {
        const int width = 100, layers = 2000;          // 10,000 weights in the file, 20 million once laid out per layer
        var builder = new GraphBuilder(width).Tensor("W", [width, width], new double[width * width]);
        string x = "x";
        for (int l = 0; l < layers; l++) builder.Node("Gemm", [x, "W"], x = $"h{l}");
        var bytes = builder.Bytes(x, width);
        Assert.InRange(bytes.Length, 0, 200_000);

        var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(bytes));
        Assert.Contains($"past {OnnxFile.MaxNumbers:N0}, the most Micrograd reads from one model", e.Message);
    }
}

/// <summary>A stream over some bytes that reports a length of its own, as files under /proc do.</summary>
internal sealed class LyingStream(byte[] bytes, long reportedLength) : MemoryStream(bytes)
{
    public override long Length => reportedLength;
}
