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
}
