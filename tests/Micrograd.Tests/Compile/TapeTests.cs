using Micrograd.Compile;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Compile;

/// <summary>The compiled tape replays a recorded graph with new inputs and parameters exactly as a freshly
/// built graph computes them, and rejects what it cannot record (no fixture: the dynamic engine is checked
/// against PyTorch in EngineGoldenTests, from tools/reference/engine_golden.py).</summary>
public class TapeTests
{
    // A graph using every op, with a shared subexpression and a node used twice by one op.
    private static Value Build(Value x, Value y, Value w)
    {
        var s = x * w + y;                  // shared below
        var t = (s * s).Tanh() - s.Relu() / (1 + y.Exp());
        var u = (x - y).Sigmoid() * (w * w + 1).Log() + (-s).Pow(3) + x.Pow(0.5);
        return t * u + s;
    }

    [Fact]
    public void Replays_values_and_gradients_of_the_dynamic_engine()
    {
        var (x, y, w) = (new Value(0.7), new Value(-0.3), new Value(1.9));
        var output = Build(x, y, w);
        var tape = Tape.Compile(output, [x, y], [w]);

        foreach (var (xv, yv, wv) in new[] { (0.7, -0.3, 1.9), (1.3, 0.4, -0.8), (2.5, -1.1, 0.05) })
        {
            w.Data = wv;
            w.Grad = 0;
            tape.Forward([xv, yv]);
            tape.Backward();
            double tapeGrad = w.Grad;

            var (dx, dy, dw) = (new Value(xv), new Value(yv), new Value(wv));
            var expected = Build(dx, dy, dw);
            expected.Backward();

            Assert.Equal(expected.Data, tape.Output); // same definitions, same order: bit for bit
            Assert.Equal(dw.Grad, tapeGrad, 12);
        }
    }

    [Fact]
    public void Replaying_a_network_with_new_inputs_and_parameters_equals_a_fresh_graph()
    {
        var model = new MLP(2, [6, 6, 1], Activation.Tanh, rng: new Rng(8));
        var x = new[] { new Value(0), new Value(0) };
        var tape = Tape.Compile((model.Forward(x)[0] - 0.5).Pow(2), x, model.Parameters());
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
        var x = new Value(2.0);
        var w = new Value(3.0);
        var tape = Tape.Compile(w * x * w, [x], [w]);

        tape.Forward();
        tape.Backward();
        Assert.Equal(12.0, w.Grad); // d(w²x)/dw = 2wx
        tape.Backward();
        Assert.Equal(24.0, w.Grad); // accumulates, as gradients do; ZeroGrad resets
    }

    [Fact]
    public void Mlp_training_step_on_the_tape_matches_the_dynamic_step()
    {
        var rng = new Rng(7);
        var data = Datasets.Moons(20, 0.1, rng);
        var model = new MLP(2, [8, 8, 1], rng: rng);
        var inputs = data.Inputs.Select(r => r.Select(v => new Value(v)).ToArray()).ToArray();
        var loss = Losses.Hinge(inputs.Select(x => model.Forward(x)[0]).ToArray(), data.Targets) + Losses.L2(model.Parameters(), 1e-4);
        var tape = Tape.Compile(loss, [.. inputs.SelectMany(x => x)], model.Parameters());

        model.ZeroGrad();
        tape.Forward();
        tape.Backward();
        var tapeGrads = model.Parameters().Select(p => p.Grad).ToArray();

        model.ZeroGrad();
        var again = Losses.Hinge(data.Inputs.Select(x => model.Forward(x)[0]).ToArray(), data.Targets) + Losses.L2(model.Parameters(), 1e-4);
        again.Backward();

        Assert.Equal(again.Data, tape.Output);
        for (int i = 0; i < tapeGrads.Length; i++)
            Assert.True(Math.Abs(tapeGrads[i] - model.Parameters()[i].Grad) <= 1e-12 * Math.Max(1, Math.Abs(tapeGrads[i])),
                $"parameter {i}: tape {tapeGrads[i]}, dynamic {model.Parameters()[i].Grad}");
    }

    [Fact]
    public void A_replay_allocates_nothing()
    {
        var rng = new Rng(3);
        var model = new MLP(2, [16, 16, 1], rng: rng);
        var x = new[] { new Value(0.5), new Value(-0.25) };
        var tape = Tape.Compile(model.Forward(x)[0].Pow(2), x, model.Parameters());
        for (int i = 0; i < 5; i++) { tape.Forward(); tape.Backward(); } // let the JIT settle

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            tape.Forward([0.1 * i, -0.2]);
            tape.Backward();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Watched_nodes_are_read_after_a_replay()
    {
        var x = new Value(1.0);
        var h = x.Tanh();
        var tape = Tape.Compile(h * 2, [x], [], [h]);
        tape.Forward([0.5]);
        Assert.Equal(Math.Tanh(0.5), tape.Watched(0));
        Assert.Equal(1, tape.WatchedCount);
    }

    [Fact]
    public void Wrong_number_of_inputs_is_a_clear_error()
    {
        var (x, y) = (new Value(1.0), new Value(2.0));
        var tape = Tape.Compile(x * y, [x, y], []);
        var e = Assert.Throws<ArgumentException>(() => tape.Forward([1.0, 2.0, 3.0]));
        Assert.Contains("Expected 2 input values for this tape, got 3", e.Message);
    }

    [Fact]
    public void Inputs_and_parameters_must_be_distinct_leaves()
    {
        var x = new Value(1.0);
        var y = x * 2;
        Assert.Contains("computed by '*'", Assert.Throws<ArgumentException>(() => Tape.Compile(y + 1, [y], [])).Message);
        Assert.Contains("already marked", Assert.Throws<ArgumentException>(() => Tape.Compile(y, [x], [x])).Message);
        Assert.Contains("Expected watched node 0 to be part of the recorded graph; it is not.",
            Assert.Throws<ArgumentException>(() => Tape.Compile(y, [x], [], [new Value(5)])).Message);
    }

    [Fact]
    public void A_branch_on_data_is_frozen_at_recording_time()
    {
        // Documented limitation: the C# `if` ran once, while recording; the tape replays its choice.
        var x = new Value(1.0);
        var output = x.Data > 0 ? x * 2 : x * 3;
        var tape = Tape.Compile(output, [x], []);
        tape.Forward([-1.0]);
        Assert.Equal(-2.0, tape.Output); // the dynamic engine would take the other branch and give -3
    }
}
