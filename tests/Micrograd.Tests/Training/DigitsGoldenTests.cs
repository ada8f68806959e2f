using Micrograd.Tests.Support;
using Micrograd.Training;
using Xunit.Abstractions;

namespace Micrograd.Tests.Training;

/// <summary>
/// The digits preset, run through <see cref="Trainer"/> on the tensor engine in float64, against the same run
/// in PyTorch (the same split, initial weights and minibatches, torch.optim.AdamW, cross_entropy): the loss and
/// accuracy of every step, the validation points and the final parameters, to 1e-9 relative.
/// Fixture: fixtures/digits_golden.json, written by tools/reference/digits_golden.py.
/// </summary>
public class DigitsGoldenTests(ITestOutputHelper output)
{
    private sealed record DigitsRun(int Steps, double[] TrainLoss, double[] TrainAccuracy, GoldenHistory.Point[] Validation,
        double FinalValidationAccuracy, double[] FinalParameters);

    [Fact]
    public void Digits_preset_matches_pytorch_step_by_step_and_reaches_97_percent()
    {
        var expected = Fixture.Load<DigitsRun>("digits_golden.json");
        var trainer = new Trainer(Presets.Digits);
        Assert.Equal((1257, 270, 270), (trainer.Data.Train.Count, trainer.Data.Validation.Count, trainer.Data.Test.Count));
        var history = trainer.Run();

        Assert.Equal(expected.Steps, history.Count);
        var stats = new ErrorStats();
        GoldenHistory.AssertMatches(history, expected.TrainLoss, expected.TrainAccuracy, expected.Validation, "digits", stats);
        GoldenHistory.AssertParameters(expected.FinalParameters, trainer.Weights().ToArray(), "digits", stats);

        double accuracy = trainer.Evaluate(trainer.Data.Validation).Accuracy!.Value;
        Assert.Equal(expected.FinalValidationAccuracy, accuracy);
        Assert.True(accuracy >= 0.97, $"validation accuracy {accuracy:P1}, expected at least 97%");
        output.WriteLine($"digits: {stats}; validation accuracy {accuracy:P1}");
    }
}
