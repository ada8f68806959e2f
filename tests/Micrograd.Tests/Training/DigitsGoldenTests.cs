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
    private sealed record ValidationPoint(int Step, double Loss, double Accuracy);

    private sealed record DigitsRun(int Steps, double[] TrainLoss, double[] TrainAccuracy, ValidationPoint[] Validation,
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
        for (int k = 0; k < history.Count; k++)
        {
            Tolerance.AssertClose(expected.TrainLoss[k], history[k].TrainLoss, $"digits training loss at step {k}");
            stats.Add(expected.TrainLoss[k], history[k].TrainLoss, $"train loss step {k}");
            Assert.Equal(expected.TrainAccuracy[k], history[k].TrainAccuracy);
        }

        var validation = history.Where(r => r.ValidationLoss is not null).ToArray();
        Assert.Equal(expected.Validation.Select(v => v.Step), validation.Select(r => r.Step));
        for (int i = 0; i < validation.Length; i++)
        {
            Tolerance.AssertClose(expected.Validation[i].Loss, validation[i].ValidationLoss!.Value, $"digits validation loss at step {validation[i].Step}");
            stats.Add(expected.Validation[i].Loss, validation[i].ValidationLoss!.Value, $"validation loss step {validation[i].Step}");
            Assert.Equal(expected.Validation[i].Accuracy, validation[i].ValidationAccuracy);
        }

        var parameters = trainer.Weights().ToArray();
        Assert.Equal(expected.FinalParameters.Length, parameters.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            Tolerance.AssertClose(expected.FinalParameters[i], parameters[i], $"digits final parameter {i}");
            stats.Add(expected.FinalParameters[i], parameters[i], $"final parameter {i}");
        }

        double accuracy = trainer.Evaluate(trainer.Data.Validation).Accuracy!.Value;
        Assert.Equal(expected.FinalValidationAccuracy, accuracy);
        Assert.True(accuracy >= 0.97, $"validation accuracy {accuracy:P1}, expected at least 97%");
        output.WriteLine($"digits: {stats}; validation accuracy {accuracy:P1}");
    }
}
