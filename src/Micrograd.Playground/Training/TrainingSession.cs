using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Playground.Training;

/// <summary>A validation mark on the curves: the loss and accuracy on the validation points before step
/// <paramref name="Step"/>.</summary>
public readonly record struct ValidationMark(int Step, double Loss, double Accuracy);

/// <summary>
/// One training run of the training view: the library's <see cref="Trainer"/> (any engine) on the canvas's
/// points, with the validation points as its validation split; the loss and accuracy after every step; the
/// model's outputs at any points, from <see cref="Trainer.Predict"/>.
/// </summary>
public sealed class TrainingSession
{
    private readonly List<double> _losses = [];
    private readonly List<double> _accuracies = [];
    private readonly List<ValidationMark> _validation = [];
    private readonly IReadOnlyList<double>[] _inputs;

    /// <summary>Prepares a run on <paramref name="points"/>, validated on <paramref name="validation"/>.</summary>
    /// <exception cref="ArgumentException">For settings the library refuses, with its message.</exception>
    public TrainingSession(TrainingSettings settings, IReadOnlyList<LabeledPoint> points, int classCount,
        IReadOnlyList<LabeledPoint>? validation = null)
    {
        if (points.Count == 0) throw new ArgumentException("Expected points to train on; add some by clicking the canvas.");
        Points = points;
        ValidationPoints = validation ?? [];
        var config = settings.ToConfig(classCount);
        bool classIndices = config.Loss == LossKind.CrossEntropy;
        var train = PlaygroundData.ToDataset(points, classIndices);
        var validationSet = PlaygroundData.ToDataset(ValidationPoints, classIndices);
        Trainer = new Trainer(config, new DatasetSplits(train, validationSet, validationSet.Slice(0, 0)));
        _inputs = [.. points.Select(p => (IReadOnlyList<double>)[p.X, p.Y])];
    }

    public Trainer Trainer { get; }

    public IReadOnlyList<LabeledPoint> Points { get; }

    public IReadOnlyList<LabeledPoint> ValidationPoints { get; }

    /// <summary>The loss of each step so far (on the step's batch, before its update, L2 term included).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The accuracy of each step on its batch, before its update (the library's
    /// <see cref="StepRecord.TrainAccuracy"/>; NaN where the targets are not labels).</summary>
    public IReadOnlyList<double> Accuracies => _accuracies;

    /// <summary>The validation loss and accuracy every <see cref="TrainingSettings.ValidationEvery"/> steps.</summary>
    public IReadOnlyList<ValidationMark> Validation => _validation;

    /// <summary>A parameter to follow step by step (null for none); set it before the first step to see it all.</summary>
    public ParameterWatch? Watch { get; private set; }

    /// <summary>Starts following <paramref name="choice"/> from the current step on.</summary>
    /// <exception cref="ArgumentException">For a parameter the network does not have.</exception>
    public void WatchParameter(ParameterChoice? choice) => Watch = choice is { } c ? new ParameterWatch(Trainer, c) : null;

    public int StepsTaken => Trainer.StepsTaken;

    /// <summary>True once the run has taken its number of steps.</summary>
    public bool Done => StepsTaken >= Trainer.Config.Steps;

    /// <summary>The fraction of all the training points the current model classifies right (measured when asked,
    /// at most once per step).</summary>
    public double Accuracy
    {
        get
        {
            if (_accuracyAt == StepsTaken) return _accuracy;
            var outputs = Trainer.Predict(_inputs);
            int right = 0;
            for (int i = 0; i < outputs.Length; i++) if (Classify(outputs[i]).Class == Points[i].Class) right++;
            (_accuracy, _accuracyAt) = ((double)right / Points.Count, StepsTaken);
            return _accuracy;
        }
    }

    private double _accuracy;
    private int _accuracyAt = -1;

    /// <summary>The current model on the validation points (its loss includes the L2 term, as training's does);
    /// null without validation points.</summary>
    public Evaluation? ValidationNow
    {
        get
        {
            if (Trainer.Data.Validation.Count == 0) return null;
            if (_validationAt != StepsTaken) (_validationNow, _validationAt) = (Trainer.Evaluate(Trainer.Data.Validation), StepsTaken);
            return _validationNow;
        }
    }

    private Evaluation _validationNow;
    private int _validationAt = -1;

    /// <summary>The L2 term α·Σp² of the current weights (0 when α is 0), the part of the loss that only pulls
    /// the weights towards 0.</summary>
    public double L2Term => Trainer.Config.L2 == 0 ? 0 : Trainer.Config.L2 * Trainer.Weights().ToArray().Sum(p => p * p);

    /// <summary>The model's outputs for each of <paramref name="inputs"/>, without gradients.</summary>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs) => Trainer.Predict(inputs);

    /// <summary>The class an output row stands for and how sure the model is. With one output: class 1 (+1) where
    /// the score is positive, else 0 (-1), and the score's size as the margin. With several: the largest output's
    /// index (the first on a tie) and its lead over the runner-up.</summary>
    public static (int Class, double Margin) Classify(IReadOnlyList<double> outputs)
    {
        if (outputs.Count == 1) return (outputs[0] > 0 ? 1 : 0, Math.Abs(outputs[0]));
        int best = OutputKinds.ArgMax(outputs);
        double second = double.NegativeInfinity;
        for (int i = 0; i < outputs.Count; i++) if (i != best) second = Math.Max(second, outputs[i]);
        return (best, outputs[best] - second);
    }

    /// <summary>The current model as an MLP of Values (a copy of the trained numbers), for drawing graphs.</summary>
    public MLP ModelCopy() => Trainer.Weights().ToMLP();

    /// <summary>One training step: the library's.</summary>
    public void Step()
    {
        var record = Trainer.Step();
        _losses.Add(record.TrainLoss);
        _accuracies.Add(record.TrainAccuracy ?? double.NaN);
        if (record.ValidationLoss is double loss) _validation.Add(new ValidationMark(record.Step, loss, record.ValidationAccuracy ?? double.NaN));
        Watch?.Observe();
    }
}
