using System.Diagnostics;
using System.IO.Pipes;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: an output that is no regular file (a FIFO, a character device, a /proc/self/fd entry) is written
/// into, never renamed over: renaming would destroy the FIFO or device (as root, --log /dev/null replaced
/// /dev/null with a regular file).
/// </summary>
public class SpecialOutputTests
{
    [Fact]
    public async Task Train_writes_its_log_into_a_fifo()
    {
        using var folder = new TempFolder();
        string fifo = folder.File("log.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var reader = Task.Run(() => File.ReadAllLines(fifo)); // the timeout below only keeps a broken run from hanging

        var result = CliRunner.Run("train", "--steps", "3", "--out", folder.File("o"), "--log", fifo, "--quiet");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(["step,train_loss,train_accuracy,val_loss,val_accuracy", "0", "1", "2"], (await reader.WaitAsync(TimeSpan.FromMinutes(2))).Select(l => l.Split(',')[0] == "step" ? l : l.Split(',')[0]));
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", fifo]) { RedirectStandardOutput = true })!;
        Assert.Equal("fifo", stat.StandardOutput.ReadToEnd().Trim());
        Assert.True(File.Exists(folder.File("o/model.json")));
    }

    [Fact]
    public void Graph_writes_into_a_pipe_named_by_proc_self_fd()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        string path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";

        var result = CliRunner.Run("graph", "--neuron", "2", "--format", "dot", "--out", path);

        Assert.True(result.ExitCode == 0, result.Err);
        pipe.DisposeLocalCopyOfClientHandle();
        Assert.StartsWith("digraph G {", new StreamReader(pipe).ReadToEnd());
    }
}
