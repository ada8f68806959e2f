using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>Issue 21: input without a size to check first (a pipe, a device) is bounded as it is read, and
/// refused in one line that names the input and the limit.</summary>
public class BoundedInputTests
{
    [Fact]
    public async Task Predict_input_from_an_endless_pipe_is_refused_at_the_line_limit()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new MLP(2, [1], rng: new Rng(1)), folder.File("m.json"), new Dictionary<string, string> { ["inputs"] = "x1,x2" });
        using var predict = CliProcess.Start(folder.Path, "predict", "--model", "m.json", "--input", "/dev/stdin");
        var stderr = predict.StandardError.ReadToEndAsync();

        // Zeros without a line end, as from /dev/zero, until the command stops reading.
        var zeros = new byte[1 << 16];
        try
        {
            while (!predict.HasExited) predict.StandardInput.BaseStream.Write(zeros);
        }
        catch (IOException)
        {
            // the pipe broke: the command closed its end
        }
        predict.WaitForExit();

        Assert.Equal(ExitCodes.BadInput, predict.ExitCode);
        Assert.Equal($"error: /dev/stdin: expected lines of at most {Csv.MaxLineChars:N0} characters, got a longer one on line 1.", (await stderr).Trim());
    }

    [Fact]
    public async Task An_idx_images_file_from_a_fifo_is_read()
    {
        // Issue 21: it was refused with "expected a readable, seekable stream", a message that named nothing.
        using var folder = new TempFolder();
        const int count = 30, side = 3;
        var images = new byte[16 + count * side * side];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images, 0x00000803);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), side);
        for (int i = 16; i < images.Length; i++) images[i] = (byte)(i * 31);
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, count, .. Enumerable.Range(0, count).Select(i => (byte)(i % 2))]);
        string fifo = folder.File("train-images-idx3-ubyte");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var writer = Task.Run(() => File.WriteAllBytes(fifo, images)); // the timeout below only keeps a failure from hanging

        var result = CliRunner.Run("train", "--dataset", fifo, "--steps", "2", "--out", folder.File("o"), "--quiet");

        Assert.True(result.ExitCode == 0, result.Err);
        await writer.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(side * side, ModelFile.Load(folder.File("o/model.json")).Weights.InputCount);
    }
}
