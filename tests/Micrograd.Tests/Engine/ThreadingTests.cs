using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Threads building and backpropagating their own graphs at the same time (the topological sort keeps
/// per-thread scratch arrays and a shared generation counter) get exactly what a single thread gets. No
/// fixture: the reference is a single-threaded run of the same work.
/// </summary>
public class ThreadingTests
{
    private const int Threads = 4;
    private const int Iterations = 150;

    /// <summary>One unit of work: a small MLP's loss on a few points, its gradients as numbers.</summary>
    private static double[] Work(int worker, int iteration)
    {
        var rng = new Rng((ulong)(1000 * worker + iteration + 1));
        var model = new MLP(2, [8, 8, 1], Activation.Tanh, rng: rng);
        var inputs = Enumerable.Range(0, 6).Select(_ => new[] { rng.Uniform(-2, 2), rng.Uniform(-2, 2) }).ToArray();
        var outputs = inputs.Select(x => model.Forward(x)[0]).ToArray();
        var loss = Losses.MeanSquaredError(outputs, inputs.Select(x => Math.Sin(x[0]) * x[1]).ToArray());
        loss.Backward(detectAnomaly: iteration % 3 == 0);
        // A second, differently shaped graph in the same iteration, reusing subexpressions.
        var h = outputs[0] * outputs[1];
        var extra = (h + h.Exp() + outputs[2].Pow(2)).Log();
        extra.Backward();
        return [loss.Data, extra.Data, .. model.Parameters().Select(p => p.Grad)];
    }

    [Fact]
    public void Concurrent_graphs_give_the_single_threaded_results()
    {
        var expected = new double[Threads][][];
        for (int t = 0; t < Threads; t++)
        {
            expected[t] = new double[Iterations][];
            for (int i = 0; i < Iterations; i++) expected[t][i] = Work(t, i);
        }

        var actual = new double[Threads][][];
        var errors = new List<Exception>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                actual[t] = new double[Iterations][];
                start.SignalAndWait(); // all threads begin together
                for (int i = 0; i < Iterations; i++) actual[t][i] = Work(t, i);
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        })).ToArray();
        foreach (var th in threads) th.Start();
        foreach (var th in threads) th.Join();

        Assert.Empty(errors);
        for (int t = 0; t < Threads; t++)
            for (int i = 0; i < Iterations; i++)
                Assert.Equal(expected[t][i], actual[t][i]);
    }

    [Fact]
    public void Concurrent_backward_passes_over_prebuilt_graphs_give_the_same_gradients_every_time()
    {
        // Sort-heavy: each thread backpropagates its own graph over and over, so the topological sorts of the
        // threads overlap constantly (their scratch arrays and visit marks must never be shared).
        const int passes = 1500;
        var graphs = Enumerable.Range(0, Threads).Select(t =>
        {
            var rng = new Rng((ulong)(t + 11));
            var leaves = Enumerable.Range(0, 8).Select(i => new Value(rng.Uniform(-1, 1), $"x{i}")).ToArray();
            var nodes = new List<Value>(leaves);
            for (int i = 0; i < 1500; i++)
            {
                var a = nodes[rng.Below(nodes.Count)];
                var b = nodes[Math.Max(0, nodes.Count - 1 - rng.Below(5))];
                nodes.Add(i % 3 == 0 ? (a * b).Tanh() : i % 3 == 1 ? a + b * 0.5 : (a - b).Sigmoid());
            }
            var output = Value.Sum(nodes.Skip(nodes.Count - 50));
            output.Backward();
            var expected = leaves.Select(l => l.Grad).ToArray();
            return (Output: output, Leaves: leaves, Expected: expected);
        }).ToArray();

        var failures = new List<string>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var (output, leaves, expected) = graphs[t];
            start.SignalAndWait();
            for (int k = 0; k < passes; k++)
            {
                foreach (var l in leaves) l.Grad = 0;
                try { output.Backward(); }
                catch (Exception e) { lock (failures) failures.Add($"thread {t} pass {k}: {e.GetType().Name} {e.Message}"); return; }
                for (int i = 0; i < leaves.Length; i++)
                    if (!leaves[i].Grad.Equals(expected[i]))
                    {
                        lock (failures) failures.Add($"thread {t} pass {k}: gradient {i} is {leaves[i].Grad:R}, expected {expected[i]:R}");
                        return;
                    }
            }
        })).ToArray();
        foreach (var th in threads) th.Start();
        foreach (var th in threads) th.Join();
        Assert.Empty(failures);
    }

    [Fact]
    public void Concurrent_trainers_give_the_single_threaded_losses()
    {
        var config = Presets.YinYang with { Steps = 30 };
        var expected = new Micrograd.Training.Trainer(config).Run().Select(r => r.TrainLoss).ToArray();
        var results = new double[3][];
        var errors = new List<Exception>();
        using var start = new Barrier(3);
        var threads = Enumerable.Range(0, 3).Select(t => new Thread(() =>
        {
            try
            {
                var trainer = new Micrograd.Training.Trainer(t == 2 ? config with { Engine = Micrograd.Training.EngineKind.Tape } : config);
                start.SignalAndWait();
                results[t] = trainer.Run().Select(r => r.TrainLoss).ToArray();
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
                start.RemoveParticipant();
            }
        })).ToArray();
        foreach (var th in threads) th.Start();
        foreach (var th in threads) th.Join();
        Assert.Empty(errors);
        Assert.Equal(expected, results[0]);
        Assert.Equal(expected, results[1]);
        for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], results[2][k], 1e-12 * Math.Abs(expected[k]));
    }
}
