using Micrograd.Nn;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>
/// How close two computations of a network's outputs must be: <see cref="Float32"/> or <see cref="Float64"/>,
/// relative to the size of the sums behind each output.
/// </summary>
/// <remarks>
/// A bound relative to each output cannot hold for an output near 0: it is the difference of sums many times
/// larger, which the arithmetic rounds to about 6e-8 (float32) or 1e-16 (float64) of their size. So outputs
/// agree relative to that size: the output computed with every weight, bias and input replaced by its absolute
/// value (numerical analysis's bound on a dot product's rounding error). Where outputs stay away from 0, as
/// the trained presets' do, the tests also check float64 output by output.
/// </remarks>
public static class Agreement
{
    /// <summary>Agreement in float64.</summary>
    public const double Float64 = 1e-12;

    /// <summary>Agreement in float32.</summary>
    public const double Float32 = 1e-6;

    /// <summary>The agreement for <paramref name="type"/>.</summary>
    public static double For(OnnxElementType type) => type == OnnxElementType.Float64 ? Float64 : Float32;

    /// <summary>Asserts that <paramref name="actual"/> matches <paramref name="expected"/> for input
    /// <paramref name="x"/> of <paramref name="model"/>; <paramref name="softmax"/> when both are probabilities.</summary>
    public static void Outputs(MLP model, double[] x, double[] expected, double[] actual, OnnxElementType type, bool softmax, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var size = Size(model, x);
        for (int j = 0; j < expected.Length; j++)
        {
            // A probability's relative error is at most twice the largest absolute error of the logits.
            double bound = For(type) * (softmax ? 2 * size.Max() * Math.Abs(expected[j]) : size[j]);
            AssertClose(expected[j], actual[j], bound, $"{what}, output {j + 1} for input [{string.Join(", ", x)}]");
        }
    }

    /// <summary>Asserts that every output agrees to <paramref name="relative"/> of itself.</summary>
    public static void Relative(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++) AssertClose(expected[j], actual[j], relative * Math.Abs(expected[j]), $"{what}, output {j + 1}");
    }

    /// <summary>Asserts that each output agrees to <paramref name="relative"/> of itself plus the same share of
    /// its row's mean size (so that an output near 0, the difference of larger sums, is held to its row's scale);
    /// returns the largest difference as a share of its bound.</summary>
    public static double Rows(double[] expected, double[] actual, int width, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int r = 0; r < expected.Length / width; r++)
        {
            double scale = Enumerable.Range(r * width, width).Average(j => Math.Abs(expected[j]));
            for (int j = r * width; j < (r + 1) * width; j++)
            {
                double bound = relative * (Math.Abs(expected[j]) + scale);
                AssertClose(expected[j], actual[j], bound, $"{what}, row {r + 1}, output {j - r * width + 1}");
                worst = Math.Max(worst, Math.Abs(actual[j] - expected[j]) / bound);
            }
        }
        return worst;
    }

    private static void AssertClose(double expected, double actual, double bound, string what)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= bound, $"{what}: expected {expected:R}, got {actual:R} (difference {error:E2}, allowed {bound:E2}).");
    }

    /// <summary>The network's outputs for <paramref name="x"/>, then a softmax where asked.</summary>
    public static double[] Forward(MLP model, double[] x, bool softmax)
    {
        var y = model.Forward(x).Select(v => v.Data).ToArray();
        return softmax ? Softmax(y) : y;
    }

    /// <summary>exp(y - max y) / Σ exp(y - max y).</summary>
    public static double[] Softmax(double[] y)
    {
        double max = y.Max();
        var e = y.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>Each output's size: the network run on |x| with |w| and |b|, every activation taken as the identity
    /// (ReLU, tanh are no larger in size; a sigmoid is below 1).</summary>
    public static double[] Size(MLP model, double[] x)
    {
        IReadOnlyList<double> h = x.Select(Math.Abs).ToArray();
        foreach (var layer in model.Layers)
        {
            var input = h;
            h = layer.Neurons.Select(n => Math.Abs(n.Bias.Data) + n.Weights.Select((w, i) => Math.Abs(w.Data) * input[i]).Sum()).ToArray();
            if (layer.Neurons[0].Activation == Activation.Sigmoid) h = h.Select(v => Math.Min(v, 1)).ToArray();
        }
        return h.ToArray();
    }
}
