using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Playground.Training;
using Micrograd.Training;

namespace Micrograd.Playground.Tests.Logic;

public class TrainingLogicTests
{
    [Fact]
    public void The_moons_preset_reaches_100_percent_in_100_steps_with_every_engine()
    {
        Assert.Equal(EngineKind.Tensor, TrainingSettings.Moons.Engine); // the fastest in the browser
        foreach (var engine in TrainingSettings.Engines)
        {
            var settings = TrainingSettings.For("moons") with { Engine = engine };
            var config = settings.ToConfig(2);
            Assert.Equal(Presets.Moons with { Name = "playground", Engine = engine, ValidationEvery = TrainingSettings.ValidationEvery },
                config with { Layers = Presets.Moons.Layers });
            Assert.Equal(Presets.Moons.Layers, config.Layers);

            var set = PlaygroundData.Load("moons", settings.Seed);
            var session = new TrainingSession(settings, set.Train, PlaygroundData.ClassCount("moons"), set.Validation);
            while (!session.Done) session.Step();
            Assert.Equal(100, session.StepsTaken);
            Assert.Equal(100, session.Losses.Count);
            Assert.Equal(1.0, session.Accuracy);
            Assert.Equal(10, session.Validation.Count); // before steps 0, 10, ..., 90
            Assert.True(session.ValidationNow!.Value.Accuracy >= 0.95, $"{engine}: validation accuracy {session.ValidationNow.Value.Accuracy}");
        }
        // float32 on the tensor engine learns the moons as well.
        {
            var settings = TrainingSettings.Moons with { Precision = Precision.Float32 };
            Assert.Equal(Precision.Float32, settings.ToConfig(2).Precision);
            Assert.Equal(Precision.Float64, (settings with { Engine = EngineKind.Tape }).ToConfig(2).Precision);
            var session = new TrainingSession(settings, PlaygroundData.Points("moons", settings.Seed), 2);
            while (!session.Done) session.Step();
            Assert.Equal(1.0, session.Accuracy);
        }
    }

    [Theory]
    [InlineData("circles")]
    [InlineData("xor")]
    [InlineData("spiral")]
    [InlineData("yinyang")]
    public void Each_dataset_learns_well_beyond_chance_with_its_starting_settings(string name)
    {
        var settings = TrainingSettings.For(name);
        var session = new TrainingSession(settings, PlaygroundData.Points(name, settings.Seed), PlaygroundData.ClassCount(name));
        double before = session.Accuracy;
        while (!session.Done) session.Step();
        Assert.True(session.Accuracy >= 0.9, $"{name}: accuracy {session.Accuracy} after {session.StepsTaken} steps (from {before})");
    }

    [Fact]
    public void Points_keep_the_datasets_classes()
    {
        var moons = PlaygroundData.Points("moons", Rng.DefaultSeed);
        var library = Datasets.Moons(100, 0.1, new Rng(Rng.DefaultSeed));
        Assert.Equal(library.Targets.Select(t => t > 0 ? 1 : 0), moons.Select(p => p.Class));
        var next = Datasets.Moons(100, 0.1, RngAfterOneDraw());
        Assert.Equal(next.Inputs.Select(x => x[1]), PlaygroundData.Load("moons", Rng.DefaultSeed).Validation.Select(p => p.Y));
        var yinyang = Datasets.YinYang(100, new Rng(42));
        Assert.Equal(yinyang.Validation.Inputs.Select(x => x[0]), PlaygroundData.Load("yinyang", 42).Validation.Select(p => p.X));
        Assert.Equal(["-1", "+1"], new[] { 0, 1 }.Select(c => PlaygroundData.ClassName(c, 2)));
        Assert.Equal(["0", "1", "2"], new[] { 0, 1, 2 }.Select(c => PlaygroundData.ClassName(c, 3)));
        Assert.Equal(library.Inputs.Select(x => x[0]), moons.Select(p => p.X));
        Assert.Equal([0, 1, 2], PlaygroundData.Points("yinyang", 42).Select(p => p.Class).Distinct().Order());

        var asSigns = PlaygroundData.ToDataset(moons, classIndices: false);
        Assert.Equal(library.Targets, asSigns.Targets);
        Assert.Equal(moons.Select(p => (double)p.Class), PlaygroundData.ToDataset(moons, classIndices: true).Targets);
        Assert.Throws<ArgumentException>(() => PlaygroundData.Points("swirl", 1));
    }

    // The generator after it drew the training moons: the validation moons come next from it.
    private static Rng RngAfterOneDraw()
    {
        var rng = new Rng(Rng.DefaultSeed);
        _ = Datasets.Moons(100, 0.1, rng);
        return rng;
    }

    [Fact]
    public void Settings_add_the_output_layer_the_loss_needs_and_refuse_what_the_library_refuses()
    {
        var config = (TrainingSettings.Moons with { HiddenLayers = " 8, 4 " }).ToConfig(2);
        Assert.Equal([8, 4, 1], config.Layers);
        Assert.Equal([8, 3], (TrainingSettings.Moons with { HiddenLayers = "8", Loss = LossKind.CrossEntropy }).ToConfig(3).Layers);
        Assert.Equal([1], (TrainingSettings.Moons with { HiddenLayers = "" }).ToConfig(2).Layers);

        Assert.Contains("whole numbers", Assert.Throws<ArgumentException>(() => (TrainingSettings.Moons with { HiddenLayers = "16,x" }).ToConfig(2)).Message);
        Assert.Contains("positive learning rate", Assert.Throws<ArgumentException>(() => (TrainingSettings.Moons with { LearningRate = -1 }).ToConfig(2)).Message);
        var batch = Assert.Throws<ArgumentException>(() => new TrainingSession(TrainingSettings.Moons with { BatchSize = 10, Engine = EngineKind.Tape }, PlaygroundData.Points("moons", 1), 2));
        Assert.Contains("full batch", batch.Message); // the tape replays one graph: the library says so
        var points = PlaygroundData.Points("yinyang", 42);
        Assert.Contains("-1 or +1", Assert.Throws<ArgumentException>(() => new TrainingSession(TrainingSettings.Moons, points, 3)).Message);
    }

    [Fact]
    public void Viewport_maps_pixels_and_data_both_ways()
    {
        var view = Viewport.Around(PlaygroundData.Points("moons", 1));
        var (x, y) = view.ToData(123, 45, 400);
        var (px, py) = view.ToPixel(x, y, 400);
        Assert.Equal(123, px, 9);
        Assert.Equal(45, py, 9);
        Assert.True(view.ToData(0, 0, 400).Y > view.ToData(0, 400, 400).Y, "y grows upwards");
    }

    [Fact]
    public void Boundary_image_colors_each_cell_by_the_models_class()
    {
        var settings = TrainingSettings.For("moons");
        var points = PlaygroundData.Points("moons", settings.Seed);
        var session = new TrainingSession(settings, points, 2);
        while (!session.Done) session.Step();
        var view = Viewport.Around(points);
        const int cells = 20;
        var grid = BoundaryImage.Grid(view, cells);
        var outputs = session.Predict(grid);
        var rgba = BoundaryImage.Render(outputs);
        Assert.Equal(cells * cells * 4, rgba.Length);
        for (int row = 0; row < cells; row++)
            for (int col = 0; col < cells; col++)
            {
                var (cx, cy) = view.ToData(col + 0.5, row + 0.5, cells);
                int i = (row * cells + col) * 4;
                // Blue (class 0) has more blue than red; orange (class 1) the other way round.
                Assert.Equal([cx, cy], grid[row * cells + col]);
                Assert.Equal(TrainingSession.Classify(session.Predict([[cx, cy]])[0]).Class == 0, rgba[i + 2] > rgba[i]);
                Assert.Equal(255, rgba[i + 3]);
            }
    }
}
