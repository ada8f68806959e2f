using System.Globalization;
using Micrograd.Cli.Plots;
using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>The default <c>micrograd train</c>: micrograd's moons demo, its plots, model and log.</summary>
public class TrainTests(DefaultTrainFixture run) : IClassFixture<DefaultTrainFixture>
{
    [Fact]
    public void Quiet_default_run_succeeds_and_prints_nothing()
    {
        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal("", run.Result.Out);
        Assert.Equal("", run.Result.Err);
    }

    [Fact]
    public void Saved_model_classifies_every_moons_point_correctly()
    {
        var loaded = ModelFile.Load(run.Folder.File("model.json"));
        var moons = Datasets.ByName("moons", new Rng(Rng.DefaultSeed)).Train; // the data the preset draws first from its seed
        int right = 0;
        for (int i = 0; i < moons.Count; i++)
            if (loaded.Model.Forward(moons.Inputs[i])[0].Data > 0 == moons.Targets[i] > 0) right++;
        Assert.Equal(moons.Count, right);
    }

    [Fact]
    public void Saved_model_notes_say_how_to_read_it()
    {
        var notes = ModelFile.Load(run.Folder.File("model.json")).Notes;
        Assert.Equal("moons", notes["preset"]);
        Assert.Equal("moons", notes["dataset"]);
        Assert.Equal("x1,x2", notes["inputs"]);
        Assert.Equal("sign", notes["outputs"]);
        Assert.Equal("hinge", notes["loss"]);
        Assert.Equal("-1,+1", notes["classes"]);
        Assert.Equal("1", notes["train_accuracy"]);
    }

    [Fact]
    public void Decision_boundary_png_has_the_rendered_size()
    {
        Assert.Equal((DecisionBoundary.Width, DecisionBoundary.Height), PngFile.Size(run.Folder.File("decision-boundary.png")));
    }

    [Fact]
    public void Loss_curve_png_has_the_rendered_size()
    {
        Assert.Equal((LossCurve.Width, LossCurve.Height), PngFile.Size(run.Folder.File("loss.png")));
    }

    [Fact]
    public void No_temporary_files_are_left_behind()
    {
        Assert.Empty(Directory.GetFiles(run.Folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Log_has_the_exact_header_and_one_row_per_step()
    {
        var lines = File.ReadAllLines(run.Folder.File("log.csv"));
        Assert.Equal("step,train_loss,train_accuracy,val_loss,val_accuracy", lines[0]);
        Assert.Equal(101, lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            Assert.Equal(5, fields.Length);
            Assert.Equal((i - 1).ToString(CultureInfo.InvariantCulture), fields[0]);
            Assert.Equal("", fields[3]); // moons has no validation split
            Assert.Equal("", fields[4]);
        }
        Assert.Equal("1", lines[^1].Split(',')[2]); // 100% accuracy by the last step
    }

    [Fact]
    public void Log_losses_are_the_trainers_losses_before_each_update()
    {
        var history = new Trainer(Presets.Moons).Run();
        var logged = File.ReadAllLines(run.Folder.File("log.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(history.Select(r => r.TrainLoss), logged);
    }

    [Fact]
    public void Tape_engine_gives_the_same_losses_as_the_dynamic_engine()
    {
        using var folder = new TempFolder();
        var tape = CliRunner.Run("train", "--engine", "tape", "--out", folder.Path, "--log", folder.File("log.csv"));
        Assert.Equal(0, tape.ExitCode);

        static double[] Losses(string path) => File.ReadAllLines(path).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var dynamic = Losses(run.Folder.File("log.csv"));
        var replayed = Losses(folder.File("log.csv"));
        Assert.Equal(dynamic.Length, replayed.Length);
        for (int i = 0; i < dynamic.Length; i++) Assert.Equal(dynamic[i], replayed[i], 1e-9);

        // Not quiet and not a terminal: a short summary and the paths written.
        Assert.Contains("engine      tape: as asked (--engine)", tape.Out);
        Assert.Contains("accuracy 100.0%", tape.Out);
        foreach (var file in new[] { "decision-boundary.png", "loss.png", "model.json", "log.csv" })
            Assert.Contains("wrote " + folder.File(file), tape.OutLines);
    }
}
