using Micrograd.Training;

namespace Micrograd.Testing;

/// <summary>A training run held against PyTorch's, step by step, to <see cref="Tolerance.Relative"/>.</summary>
internal static class GoldenHistory
{
    /// <summary>One validation point of a golden run; <paramref name="Accuracy"/> null where the fixture has none.</summary>
    public sealed record Point(int Step, double Loss, double? Accuracy = null);

    /// <summary>Asserts every step's loss and accuracy, the steps that validate and their losses (and accuracies,
    /// where given), adding each error to <paramref name="stats"/>.</summary>
    public static void AssertMatches(IReadOnlyList<StepRecord> history, IReadOnlyList<double> trainLoss, IReadOnlyList<double> trainAccuracy,
        IReadOnlyList<Point> validation, string what, ErrorStats stats)
    {
        Assert.Equal(trainLoss.Count, history.Count);
        for (int k = 0; k < history.Count; k++)
        {
            Assert.Equal(k, history[k].Step);
            Tolerance.AssertClose(trainLoss[k], history[k].TrainLoss, $"{what} training loss at step {k}");
            stats.Add(trainLoss[k], history[k].TrainLoss, $"train loss step {k}");
            Assert.True(trainAccuracy[k] == history[k].TrainAccuracy,
                $"{what} training accuracy at step {k}: expected {trainAccuracy[k]}, got {history[k].TrainAccuracy}.");
        }

        var validated = history.Where(r => r.ValidationLoss is not null).ToArray();
        Assert.Equal(validation.Select(v => v.Step), validated.Select(r => r.Step));
        for (int i = 0; i < validated.Length; i++)
        {
            Tolerance.AssertClose(validation[i].Loss, validated[i].ValidationLoss!.Value, $"{what} validation loss at step {validated[i].Step}");
            stats.Add(validation[i].Loss, validated[i].ValidationLoss!.Value, $"validation loss step {validated[i].Step}");
            if (validation[i].Accuracy is { } accuracy) Assert.Equal(accuracy, validated[i].ValidationAccuracy);
        }
    }

    /// <summary>Asserts the parameters after training, adding each error to <paramref name="stats"/>.</summary>
    public static void AssertParameters(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, ErrorStats stats)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < actual.Count; i++)
        {
            Tolerance.AssertClose(expected[i], actual[i], $"{what} final parameter {i}");
            stats.Add(expected[i], actual[i], $"final parameter {i}");
        }
    }
}
