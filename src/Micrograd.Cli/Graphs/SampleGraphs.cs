using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Cli.Graphs;

/// <summary>The lecture's neuron, which <c>micrograd graph --neuron</c> draws after a forward and a backward
/// pass, so every node shows its data and its grad (a saved model's graph: <see cref="ModelGraph"/>).</summary>
internal static class SampleGraphs
{
    /// <summary>
    /// The lecture's neuron with <paramref name="inputs"/> inputs: o = tanh(n), n = x1·w1 + x2·w2 + ... + b,
    /// every node labelled as in the lecture (x1, w1, x1*w1, ..., b, n, o). With 2 inputs it uses the lecture's
    /// numbers (x1 = 2, x2 = 0, w1 = -3, w2 = 1, b = 6.8813735870195432, so that o = 0.7071); with more, inputs
    /// and weights drawn from the default seed.
    /// </summary>
    public static Value Neuron(int inputs)
    {
        if (inputs < 1) throw new CliException($"--neuron: expected at least 1 input, got {inputs}");
        double[] x, w;
        double b;
        if (inputs == 2)
        {
            (x, w, b) = ([2.0, 0.0], [-3.0, 1.0], 6.8813735870195432);
        }
        else
        {
            var rng = new Rng();
            x = Enumerable.Range(0, inputs).Select(_ => Math.Round(rng.Uniform(-2, 2), 1)).ToArray();
            w = Enumerable.Range(0, inputs).Select(_ => Math.Round(rng.Uniform(-1, 1), 2)).ToArray();
            b = 0.5;
        }

        Value? sum = null;
        string sumLabel = "";
        for (int i = 0; i < inputs; i++)
        {
            var xi = new Value(x[i], $"x{i + 1}");
            var wi = new Value(w[i], $"w{i + 1}");
            var product = xi * wi;
            product.Label = $"x{i + 1}*w{i + 1}";
            sumLabel = sum is null ? product.Label : $"{sumLabel} + {product.Label}";
            sum = sum is null ? product : sum + product;
            if (i > 0) sum.Label = inputs <= 3 ? sumLabel : $"Σ x*w (1..{i + 1})";
        }
        var n = sum! + new Value(b, "b");
        n.Label = "n";
        var o = n.Tanh();
        o.Label = "o";
        o.Backward();
        return o;
    }

    /// <summary>How many Values <see cref="Neuron"/> builds for <paramref name="inputs"/> inputs: x, w and x*w
    /// per input, the running sums, b, n and o.</summary>
    public static long NeuronValues(int inputs) => 4L * inputs + 2;
}
