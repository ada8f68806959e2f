using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Tensors;

/// <summary>"Tensors are only efficiency": the tensor MLP trained from the same seed on the same data gives
/// the scalar MLP's per-step losses (issue 11's acceptance: 1e-12 relative in float64, 1e-4 in float32).</summary>
public class TensorMatchesScalarTests
{
    [Fact]
    public void Moons_losses_match_the_scalar_engine_step_by_step()
    {
        var scalar = MoonsScalar();
        AssertClose(scalar, MoonsTensor<double>(), 1e-12, "float64");
        AssertClose(scalar, MoonsTensor<float>(), 1e-4, "float32");
    }

    [Fact]
    public void Yinyang_losses_match_the_scalar_engine_step_by_step()
    {
        var scalar = YinYangScalar();
        AssertClose(scalar, YinYangTensor<double>(), 1e-12, "float64");
        AssertClose(scalar, YinYangTensor<float>(), 1e-4, "float32");
    }

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Tolerance.AssertClose(expected[i], actual[i], $"{what} loss at step {i}", relative, 0);
    }

    // The moons preset by hand: 100 points, 2-16-16-1 ReLU, hinge + 1e-4·Σp², SGD lr 1 - 0.9·k/100.
    private static double[] MoonsScalar()
    {
        var rng = new Rng(1337);
        var data = Datasets.Moons(100, 0.1, rng);
        var model = new MLP(2, [16, 16, 1], rng: rng);
        var sgd = new Sgd(model.Parameters(), 1.0) { Schedule = k => 1.0 * (1 - 0.9 * k / 100) };
        var losses = new double[100];
        for (int step = 0; step < 100; step++)
        {
            var scores = data.Inputs.Select(x => model.Forward(x)[0]).ToArray();
            var loss = Losses.Hinge(scores, data.Targets) + Losses.L2(model.Parameters(), 1e-4);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            losses[step] = loss.Data;
        }
        return losses;
    }

    private static double[] MoonsTensor<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new Rng(1337);
        var data = Datasets.Moons(100, 0.1, rng);
        var model = new TensorMLP<T>(2, [16, 16, 1], rng: rng);
        var x = Inputs<T>(data);
        var y = Tensor<T>.FromArray([.. data.Targets.Select(T.CreateChecked)], [data.Count]);
        var sgd = new Sgd(model.Parameters(), 1.0) { Schedule = k => 1.0 * (1 - 0.9 * k / 100) };
        var losses = new double[100];
        for (int step = 0; step < 100; step++)
        {
            var loss = TensorLosses.Hinge(model.Forward(x), y) + TensorLosses.L2(model.Parameters(), 1e-4);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            losses[step] = double.CreateChecked(loss.Item());
        }
        return losses;
    }

    // The yinyang preset by hand: 2-8-3 tanh with scaled init, cross-entropy, AdamW(0.1, 0.9, 0.95, 1e-8, 1e-4).
    private static double[] YinYangScalar()
    {
        var rng = new Rng(42);
        var train = Datasets.YinYang(100, rng).Train;
        var model = new MLP(2, [8, 3], Activation.Tanh, init: Init.Scaled, rng: rng);
        var adam = new AdamW(model.Parameters(), 0.1, 0.9, 0.95, 1e-8, 1e-4);
        var losses = new double[100];
        for (int step = 0; step < 100; step++)
        {
            var logits = train.Inputs.Select(x => (IReadOnlyList<Value>)model.Forward(x)).ToArray();
            var loss = Losses.CrossEntropy(logits, train.Targets);
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
            losses[step] = loss.Data;
        }
        return losses;
    }

    private static double[] YinYangTensor<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new Rng(42);
        var train = Datasets.YinYang(100, rng).Train;
        var model = new TensorMLP<T>(2, [8, 3], Activation.Tanh, init: Init.Scaled, rng: rng);
        var x = Inputs<T>(train);
        int[] targets = [.. train.Targets.Select(t => (int)t)];
        var adam = new AdamW(model.Parameters(), 0.1, 0.9, 0.95, 1e-8, 1e-4);
        var losses = new double[100];
        for (int step = 0; step < 100; step++)
        {
            var loss = model.Forward(x).CrossEntropy(targets);
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
            losses[step] = double.CreateChecked(loss.Item());
        }
        return losses;
    }

    private static Tensor<T> Inputs<T>(Dataset data) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Tensor<T>.FromArray([.. data.Inputs.SelectMany(r => r).Select(T.CreateChecked)], [data.Count, data.InputCount]);
}
