using Micrograd.Training;

namespace Micrograd.Playground.Training;

/// <summary>
/// One training run of the training view: the library's <see cref="Trainer"/> on the canvas's points, the
/// loss and accuracy after every step, and a compiled one-point tape for drawing the decision boundary.
/// </summary>
public sealed class TrainingSession
{
    private readonly List<double> _losses = [];
    private readonly List<double> _accuracies = [];

    /// <summary>Prepares a run on <paramref name="points"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">For settings the library refuses, with its message.</exception>
    public TrainingSession(TrainingSettings settings, IReadOnlyList<LabeledPoint> points, int classCount)
    {
        if (points.Count == 0) throw new ArgumentException("Expected points to train on; add some by clicking the canvas.");
        Points = points;
        var config = settings.ToConfig(classCount);
        var data = PlaygroundData.ToDataset(points, config.Loss == LossKind.CrossEntropy);
        Trainer = new Trainer(config, Micrograd.Data.Datasets.TrainOnly(data));
        Predictor = new PointPredictor(Trainer.Model);
        Accuracy = MeasureAccuracy();
    }

    public Trainer Trainer { get; }

    public IReadOnlyList<LabeledPoint> Points { get; }

    /// <summary>The model's outputs at any point, on a compiled tape.</summary>
    public PointPredictor Predictor { get; }

    /// <summary>The loss of each step so far (on the step's batch, before its update).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The accuracy on all the points after each step.</summary>
    public IReadOnlyList<double> Accuracies => _accuracies;

    public int StepsTaken => Trainer.StepsTaken;

    /// <summary>True once the run has taken its number of steps.</summary>
    public bool Done => StepsTaken >= Trainer.Config.Steps;

    /// <summary>The fraction of all the points the current model classifies right.</summary>
    public double Accuracy { get; private set; }

    /// <summary>One training step (the library's), then the accuracy of the updated model.</summary>
    public void Step()
    {
        var record = Trainer.Step();
        _losses.Add(record.TrainLoss);
        Accuracy = MeasureAccuracy();
        _accuracies.Add(Accuracy);
    }

    private double MeasureAccuracy()
    {
        int right = 0;
        foreach (var p in Points) if (Predictor.Predict(p.X, p.Y).Class == p.Class) right++;
        return (double)right / Points.Count;
    }
}
