using System.Diagnostics;

namespace Micrograd.Cli.Tests;

/// <summary>A real Ctrl+C (SIGINT) to a <c>micrograd makemore</c> process with no end of steps: it stops after the
/// step under way, evaluates, saves, and exits with 0. Linux only: the process is started through GNU env's
/// --default-signal=INT, since a test host started in the background may have inherited SIGINT as ignored, which
/// .NET respects (MakemoreTypesTests covers the stopping itself on every system, in-process).</summary>
public class MakemoreCtrlCTests
{
    [Fact]
    public void Sigint_stops_the_run_cleanly_and_keeps_the_model()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new TempFolder();
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "Micrograd.Cli.dll"), "makemore", "--type", "bigram", "-o", folder.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            var lines = new List<string>();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                lines.Add(line);
                if (line.StartsWith("step 100 |", StringComparison.Ordinal)) break; // running: now press Ctrl+C
            }
            Assert.True(line is not null, "the run ended before step 100");
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) kill.WaitForExit();
            while ((line = process.StandardOutput.ReadLine()) is not null) lines.Add(line);
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the run went on after SIGINT"); // a guard, not a timing check

            Assert.Equal(0, process.ExitCode);
            lock (stderr) Assert.Equal("", stderr.ToString());
            var stopped = Assert.Single(lines, l => l.StartsWith("stopped by Ctrl+C after ", StringComparison.Ordinal));
            int steps = int.Parse(stopped.Split(' ')[4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(steps > 100, stopped);
            Assert.Contains(lines, l => l.StartsWith($"step {steps - 1} train loss: ", StringComparison.Ordinal));
            Assert.True(File.Exists(folder.File("model.json")));
            Assert.True(File.Exists(folder.File("loss.png")));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
