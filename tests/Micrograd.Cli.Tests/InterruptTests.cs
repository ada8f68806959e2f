using System.Diagnostics;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: Ctrl+C during <c>train</c> used to end the process silently when the output was redirected, and
/// kept nothing. Now the run stops between two steps and says on standard error what happened, in every case;
/// <c>--save-on-interrupt</c> keeps the model trained so far (written whole, as any output), and without it
/// nothing is written.
/// </summary>
public class InterruptTests
{
    private const string Original = "the user's own file";

    // Runs train in-process, pressing Ctrl+C (Interrupts.Raise) after the step counted from 0 as `step`.
    private static CliResult RunInterrupted(int step, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var interrupts = new Interrupts();
        var context = new CliContext(stdout, stderr, Interactive: false, Environment.GetEnvironmentVariable)
        {
            Interrupts = interrupts,
            AfterStep = r =>
            {
                if (r.Step == step) interrupts.Raise();
            },
        };
        int code = Cli.Run(args, context);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Ctrl_c_stops_between_steps_says_so_and_writes_nothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("model.json"), Original);

        var result = RunInterrupted(4, "train", "--steps", "100", "--out", folder.Path, "--log", folder.File("log.csv"));

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal("error: interrupted (Ctrl+C) after 5 of 100 steps; nothing was written (--save-on-interrupt keeps the model trained so far).", Assert.Single(result.ErrLines));
        Assert.Equal("", result.Out);
        Assert.Equal(Original, File.ReadAllText(folder.File("model.json")));
        Assert.Equal(["model.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_on_interrupt_writes_the_model_trained_so_far()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("model.json"), Original);

        var result = RunInterrupted(4, "train", "--steps", "100", "--out", folder.Path, "--log", folder.File("log.csv"), "--save-on-interrupt");

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal("note: interrupted (Ctrl+C) after 5 of 100 steps; the outputs hold the model trained so far (--save-on-interrupt).", Assert.Single(result.ErrLines));
        Assert.Contains($"wrote {folder.File("model.json")}", result.OutLines);
        var model = ModelFile.Load(folder.File("model.json"));
        Assert.Equal("5", model.Notes["steps"]);
        Assert.Equal(6, File.ReadAllLines(folder.File("log.csv")).Length); // the header and steps 0 to 4
    }

    [Fact]
    public void Ctrl_c_before_the_first_step_writes_nothing_even_with_save_on_interrupt()
    {
        using var folder = new TempFolder();
        var interrupts = new Interrupts();
        interrupts.Raise();
        var stderr = new StringWriter();
        int code = Cli.Run(["train", "--out", folder.File("o"), "--save-on-interrupt"],
            new CliContext(new StringWriter(), stderr, false, Environment.GetEnvironmentVariable) { Interrupts = interrupts });
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("error: interrupted (Ctrl+C) before the first step; nothing was written.", stderr.ToString().Trim());
        Assert.False(Directory.Exists(folder.File("o")));
    }

    [Fact]
    public void A_real_sigint_with_output_redirected_is_reported_on_stderr()
    {
        // The run reads its data from a FIFO: once this test has opened the FIFO for writing, the command has
        // opened it for reading, so it is listening for Ctrl+C; the SIGINT then comes while it waits for the data.
        using var folder = new TempFolder();
        string fifo = folder.File("data.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();

        using var train = CliProcess.Start(folder.Path, "train", "--dataset", "data.csv", "--label", "y", "--steps", "100000", "--out", "o");
        using (var writer = new StreamWriter(fifo))
        {
            writer.WriteLine("a,y");
            writer.Flush();
            using (var kill = Process.Start("kill", ["-INT", train.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            for (int i = 0; i < 40; i++) writer.WriteLine($"{i * 0.1},{(i % 2 == 0 ? 1 : -1)}");
        }
        string stderr = train.StandardError.ReadToEnd();
        string stdout = train.StandardOutput.ReadToEnd();
        train.WaitForExit();

        Assert.Equal(ExitCodes.Interrupted, train.ExitCode);
        Assert.Equal("error: interrupted (Ctrl+C) before the first step; nothing was written.", stderr.Trim());
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(folder.File("o")));
    }
}
