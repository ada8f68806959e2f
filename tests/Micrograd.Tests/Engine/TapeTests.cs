using Micrograd.Compile;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Engine;

/// <summary>The compiled tape replays a recorded graph with new inputs and parameters exactly as a freshly
/// built graph computes them, and rejects what it cannot record (no fixture; the PyTorch comparison of the
/// tape is in <see cref="EngineGoldenTests"/>, from tools/reference/engine_golden.py).</summary>
public class TapeTests
{
    [Fact]
    public void Replaying_with_new_inputs_equals_a_fresh_dynamic_graph()
    {
        var model = new MLP(2, [6, 6, 1], Activation.Tanh, rng: new Rng(8));
        var x = new[] { new Value(0), new Value(0) };
        var loss = (model.Forward(x)[0] - 0.5).Pow(2);
        var tape = Tape.Compile(loss, x, model.Parameters());
        Assert.Equal(2, tape.InputCount);

        var rng = new Rng(4);
        for (int k = 0; k < 20; k++)
        {
            double[] input = [rng.Uniform(-2, 2), rng.Uniform(-2, 2)];
            model.ZeroGrad();
            tape.Forward(input);
            tape.Backward();
            var tapeGrads = model.Parameters().Select(p => p.Grad).ToArray();
            double tapeLoss = tape.Output;

            model.ZeroGrad();
            var fresh = (model.Forward(input)[0] - 0.5).Pow(2);
            fresh.Backward();
            Tolerance.AssertClose(fresh.Data, tapeLoss, $"loss at replay {k}", 1e-12, 1e-15);
            Tolerance.AssertAllClose(model.Parameters().Select(p => p.Grad).ToArray(), tapeGrads, $"gradients at replay {k}", 1e-12, 1e-15);

            foreach (var p in model.Parameters()) p.Data -= 0.01 * p.Grad; // the tape reads parameters anew
        }
    }

    [Fact]
    public void Backward_adds_to_parameter_gradients_like_Value_Backward()
    {
        var w = new Value(3.0);
        var y = w * w;
        var tape = Tape.Compile(y, [], [w]);
        tape.Forward();
        tape.Backward();
        tape.Backward();
        Assert.Equal(12.0, w.Grad);
    }

    [Fact]
    public void What_cannot_be_recorded_is_rejected()
    {
        var a = new Value(1.0);
        var b = a * 2;
        var c = b + 1;
        Assert.Contains("leaf", Assert.Throws<ArgumentException>(() => Tape.Compile(c, [b], [])).Message);
        Assert.Contains("marked once", Assert.Throws<ArgumentException>(() => Tape.Compile(c, [a], [a])).Message);
        Assert.Contains("watched node 0", Assert.Throws<ArgumentException>(() => Tape.Compile(c, [a], [], [new Value(5)])).Message);
        var tape = Tape.Compile(c, [a], []);
        Assert.Contains("Expected 1 input values", Assert.Throws<ArgumentException>(() => tape.Forward([1.0, 2.0])).Message);
    }
}
