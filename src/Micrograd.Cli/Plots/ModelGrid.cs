using Micrograd.Compile;
using Micrograd.Nn;

namespace Micrograd.Cli.Plots;

/// <summary>
/// A model's outputs for many inputs, fast: the forward pass is recorded once and replayed as a
/// <see cref="Tape"/> (the library's own op definitions), instead of building a graph of Values for each of
/// the tens of thousands of points of a plot's grid.
/// </summary>
internal sealed class ModelGrid
{
    private readonly Tape _tape;
    private readonly int _outputs;

    public ModelGrid(MLP model)
    {
        var inputs = Enumerable.Range(0, model.InputCount).Select(_ => new Value(0)).ToArray();
        var outputs = model.Forward(inputs);
        _outputs = outputs.Length;
        _tape = Tape.Compile(Value.Sum(outputs), inputs, model.Parameters(), outputs);
    }

    public double[] Outputs(ReadOnlySpan<double> x)
    {
        _tape.Forward(x);
        var y = new double[_outputs];
        for (int i = 0; i < y.Length; i++) y[i] = _tape.Watched(i);
        return y;
    }
}
