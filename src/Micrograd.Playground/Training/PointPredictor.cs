using Micrograd.Compile;
using Micrograd.Nn;

namespace Micrograd.Playground.Training;

/// <summary>
/// A model's forward pass for one point, recorded once as a <see cref="Tape"/> and replayed for each point of
/// the decision boundary's grid: the tape reads the parameters afresh at every replay, so it follows training
/// without being recorded again, and a replay allocates nothing.
/// </summary>
public sealed class PointPredictor
{
    private readonly Tape _tape;
    private readonly double[] _input = new double[2];

    public PointPredictor(MLP model)
    {
        Value[] x = [new Value(0, "x1"), new Value(0, "x2")];
        var outputs = model.Forward(x);
        // The tape's root must reach every output; their sum does, and is never differentiated.
        _tape = Tape.Compile(Value.Sum(outputs), x, model.Parameters(), outputs);
    }

    /// <summary>The class of (x, y) and how sure the model is. With one output: class 1 where the score is
    /// positive, else 0, and the score's size as the margin. With several: the largest output's index (the
    /// first on a tie) and its lead over the runner-up.</summary>
    public (int Class, double Margin) Predict(double x, double y)
    {
        Run(x, y);
        if (_tape.WatchedCount == 1) return (_tape.Watched(0) > 0 ? 1 : 0, Math.Abs(_tape.Watched(0)));
        int best = 0;
        for (int i = 1; i < _tape.WatchedCount; i++) if (_tape.Watched(i) > _tape.Watched(best)) best = i;
        double second = double.NegativeInfinity;
        for (int i = 0; i < _tape.WatchedCount; i++) if (i != best) second = Math.Max(second, _tape.Watched(i));
        return (best, _tape.Watched(best) - second);
    }

    private void Run(double x, double y)
    {
        _input[0] = x;
        _input[1] = y;
        _tape.Forward(_input);
    }
}
