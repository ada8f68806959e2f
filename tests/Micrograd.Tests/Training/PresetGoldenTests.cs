using Micrograd.Tests.Support;
using Micrograd.Training;
using Xunit.Abstractions;

namespace Micrograd.Tests.Training;

/// <summary>
/// The presets run through <see cref="Trainer"/> against the same runs in PyTorch (float64, torch.optim,
/// torch.nn.functional.cross_entropy for yin-yang): the training loss of every step, the validation loss every
/// 10 steps, the training accuracy of every step and the final parameters, to 1e-9 relative.
/// Fixture: fixtures/presets_golden.json, written by tools/reference/presets_golden.py.
/// </summary>
public class PresetGoldenTests(ITestOutputHelper output)
{
    private sealed record PresetRun(double[] TrainLoss, double[] TrainAccuracy, GoldenHistory.Point[] ValidationLoss,
        double[] FinalParameters, double? FinalTrainAccuracy);

    private sealed record PresetsFile(string Torch, int Steps, PresetRun Lecture, PresetRun Moons, PresetRun YinYang);

    private static PresetsFile File => Fixture.Load<PresetsFile>("presets_golden.json");

    public static TheoryData<string> PresetNames() => ["lecture", "moons", "yinyang"];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Preset_matches_pytorch_step_by_step(string name)
    {
        var expected = name switch { "lecture" => File.Lecture, "moons" => File.Moons, _ => File.YinYang };
        var trainer = new Trainer(Presets.ByName(name));
        var history = trainer.Run();

        Assert.Equal(File.Steps, history.Count);
        var stats = new ErrorStats();
        GoldenHistory.AssertMatches(history, expected.TrainLoss, expected.TrainAccuracy, expected.ValidationLoss, name, stats);
        GoldenHistory.AssertParameters(expected.FinalParameters, [.. trainer.Model.Parameters().Select(p => p.Data)], name, stats);
        output.WriteLine($"{name}: {stats}");
    }

    [Fact]
    public void Yinyang_validation_loss_comes_every_10_steps_on_the_10_validation_points()
    {
        var trainer = new Trainer(Presets.YinYang);
        Assert.Equal((80, 10, 10), (trainer.Data.Train.Count, trainer.Data.Validation.Count, trainer.Data.Test.Count));
        var history = trainer.Run();
        Assert.Equal(new[] { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90 }, history.Where(r => r.ValidationLoss is not null).Select(r => r.Step));
        Assert.All(history, r => Assert.Equal(r.ValidationLoss is null, r.ValidationAccuracy is null));
    }
}
