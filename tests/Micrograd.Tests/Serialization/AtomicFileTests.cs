using Micrograd.Serialization;

namespace Micrograd.Tests.Serialization;

/// <summary>AtomicFile: a write that fails midway leaves the old file as it was and no temporary file
/// behind (no fixture).</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Failure_midway_keeps_the_old_file_and_removes_the_temporary_one()
    {
        string path = Path.Combine(_temp.Path, "model.json");
        File.WriteAllText(path, "the old, complete content");
        string? tempSeen = null;

        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"half of the new"u8);
            stream.Flush();
            tempSeen = Directory.GetFiles(_temp.Path).Single(f => f != path); // the bytes went elsewhere
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Equal("the old, complete content", File.ReadAllText(path));
        Assert.NotNull(tempSeen);
        Assert.Equal(_temp.Path, Path.GetDirectoryName(tempSeen)); // beside the target, so the rename is atomic
        Assert.False(File.Exists(tempSeen));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Failure_on_a_new_path_leaves_nothing()
    {
        string path = Path.Combine(_temp.Path, "new.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("boom");
        }));
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Success_replaces_the_content_whole()
    {
        string path = Path.Combine(_temp.Path, "a.txt");
        File.WriteAllText(path, new string('x', 10_000));
        AtomicFile.WriteAllText(path, "short");
        Assert.Equal("short", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void WriteAll_changes_no_target_when_any_write_fails()
    {
        string first = Path.Combine(_temp.Path, "model.json"), second = Path.Combine(_temp.Path, "log.csv");
        File.WriteAllText(first, "old model");
        Assert.Throws<IOException>(() => AtomicFile.WriteAll([
            (first, s => s.Write("new model"u8)),
            (second, _ => throw new IOException("disk full (simulated)")),
        ]));
        Assert.Equal("old model", File.ReadAllText(first)); // written to its temporary file, never moved
        Assert.Equal([first], Directory.GetFiles(_temp.Path));

        AtomicFile.WriteAll([(first, s => s.Write("new model"u8)), (second, s => s.Write("log"u8))]);
        Assert.Equal("new model", File.ReadAllText(first));
        Assert.Equal("log", File.ReadAllText(second));
        Assert.Equal(2, Directory.GetFiles(_temp.Path).Length);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => AtomicFile.Write(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => AtomicFile.Write(Path.Combine(_temp.Path, "x"), null!));
    }

    // Issue 21: a target that is no regular file is written into, never renamed over (as root, --log /dev/null
    // used to replace /dev/null with a regular file).
    [Fact]
    public async Task A_fifo_is_written_into_and_stays_a_fifo()
    {
        string fifo = Path.Combine(_temp.Path, "pipe");
        MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo)); // opening blocks until the writer opens too

        AtomicFile.WriteAllText(fifo, "through the pipe");

        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromMinutes(2))); // the timeout only keeps a failure from hanging
        Assert.Equal("fifo", FileType(fifo));
        Assert.True(AtomicFile.IsSpecialFile(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_proc_fd_of_a_pipe_is_written_into()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        string path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";

        AtomicFile.WriteAll([(path, s => s.Write("one "u8)), (Path.Combine(_temp.Path, "beside.txt"), s => s.Write("two"u8))]);

        pipe.DisposeLocalCopyOfClientHandle();
        Assert.Equal("one ", new StreamReader(pipe).ReadToEnd());
        Assert.Equal("two", File.ReadAllText(Path.Combine(_temp.Path, "beside.txt")));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Fact]
    public void A_symbolic_link_is_followed_and_kept()
    {
        string real = Path.Combine(_temp.Path, "real.json"), link = Path.Combine(_temp.Path, "link.json");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(link, real);

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.False(AtomicFile.IsSpecialFile(real));
        Assert.False(AtomicFile.IsSpecialFile(Path.Combine(_temp.Path, "none")));
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    // stat's name for the file's type: "regular file", "fifo", "character special file"...
    internal static string FileType(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%F", path]) { RedirectStandardOutput = true };
        using var stat = System.Diagnostics.Process.Start(start)!;
        string type = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return type;
    }
}
