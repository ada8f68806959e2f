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
    }

    public Trainer Trainer { get; }

    public IReadOnlyList<LabeledPoint> Points { get; }

    /// <summary>The model's outputs at any point, on a compiled tape.</summary>
    public PointPredictor Predictor { get; }

    /// <summary>The loss of each step so far (on the step's batch, before its update).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The accuracy of each step on its batch, before its update (the library's
    /// <see cref="StepRecord.TrainAccuracy"/>; NaN where the targets are not labels).</summary>
    public IReadOnlyList<double> Accuracies => _accuracies;

    public int StepsTaken => Trainer.StepsTaken;

    /// <summary>True once the run has taken its number of steps.</summary>
    public bool Done => StepsTaken >= Trainer.Config.Steps;

    /// <summary>The fraction of all the points the current model classifies right (measured when asked, at
    /// most once per step: a replay per point costs about as much as a training step).</summary>
    public double Accuracy
    {
        get
        {
            if (_accuracyAt == StepsTaken) return _accuracy;
            int right = 0;
            foreach (var p in Points) if (Predictor.Predict(p.X, p.Y).Class == p.Class) right++;
            (_accuracy, _accuracyAt) = ((double)right / Points.Count, StepsTaken);
            return _accuracy;
        }
    }

    private double _accuracy;
    private int _accuracyAt = -1;

    /// <summary>One training step: the library's.</summary>
    public void Step()
    {
        var record = Trainer.Step();
        _losses.Add(record.TrainLoss);
        _accuracies.Add(record.TrainAccuracy ?? double.NaN);
    }
}
