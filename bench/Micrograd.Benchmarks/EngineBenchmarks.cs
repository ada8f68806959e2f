using BenchmarkDotNet.Attributes;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Benchmarks;

/// <summary>
/// Forward plus backward of the dynamic engine on an MLP-shaped graph: the moons loss (hinge + L2) of a
/// 2-16-16-1 ReLU network over 100 points. Figures are per node of that graph (OperationsPerInvoke), so
/// they read directly against the targets of 60 ns and 64 bytes per node.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    /// <summary>Nodes in the graph, leaves included; GlobalSetup checks it.</summary>
    public const int Nodes = 65_814;

    private MLP _model = null!;
    private Dataset _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1337);
        _data = Datasets.Moons(100, 0.1, rng);
        _model = new MLP(2, [16, 16, 1], rng: rng);
        int nodes = TopologicalSort.AllNodes(Loss()).Count;
        if (nodes != Nodes) throw new InvalidOperationException($"The graph has {nodes} nodes; update EngineBenchmarks.Nodes.");
    }

    private Value Loss()
    {
        var scores = _data.Inputs.Select(x => _model.Forward(x)[0]).ToArray();
        return Losses.Hinge(scores, _data.Targets) + Losses.L2(_model.Parameters(), 1e-4);
    }

    [Benchmark(OperationsPerInvoke = Nodes, Description = "forward + backward, per node")]
    public double ForwardBackward()
    {
        var loss = Loss();
        _model.ZeroGrad();
        loss.Backward();
        return loss.Data;
    }
}
