using Micrograd.Compile;
using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Random expression graphs using every op (scalars on either side, integer and fractional powers, reused
/// subexpressions) rebuilt with the Value API and compared with PyTorch: every node's value and gradient to
/// 1e-9 relative. Fixture: fixtures/engine_golden.json, written by tools/reference/engine_golden.py.
/// </summary>
public class EngineGoldenTests(ITestOutputHelper output)
{
    private sealed record GoldenFile(string Torch, GoldenGraph[] Graphs);

    private sealed record GoldenGraph(string Name, GraphNode[] Nodes, double Output, double[] Values, double[] Grads);

    private static GoldenFile File => Fixture.Load<GoldenFile>("engine_golden.json");

    [Fact]
    public void Fixture_covers_every_op_both_constant_sides_and_all_kinds_of_exponent()
    {
        var nodes = File.Graphs.SelectMany(g => g.Nodes).ToArray();
        Assert.Equal(50, File.Graphs.Length);
        foreach (var op in new[] { "leaf", "add", "sub", "mul", "div", "neg", "exp", "log", "tanh", "relu", "sigmoid", "pow" })
            Assert.Contains(nodes, n => n.Op == op);
        foreach (var op in new[] { "add", "sub", "mul", "div" })
        {
            Assert.Contains(nodes, n => n.Op == op && n.A is null);
            Assert.Contains(nodes, n => n.Op == op && n.B is null);
        }
        var exponents = nodes.Where(n => n.Op == "pow").Select(n => n.Exponent!.Value).ToArray();
        Assert.Contains(0.0, exponents);
        Assert.Contains(exponents, e => e != 0 && e == Math.Floor(e));
        Assert.Contains(exponents, e => e != Math.Floor(e));
        // Subexpressions are reused: some node is read by more than one other node.
        Assert.All(File.Graphs, g => Assert.True(
            g.Nodes.SelectMany(n => new[] { n.A, n.B }).OfType<int>().GroupBy(i => i).Any(grp => grp.Count() > 1),
            $"{g.Name} reuses no subexpression"));
    }

    [Fact]
    public void Values_and_gradients_match_pytorch()
    {
        var stats = new ErrorStats();
        foreach (var g in File.Graphs)
        {
            var v = GraphProgram.Build(g.Nodes);
            var root = v[^1];
            root.Backward();
            Tolerance.AssertClose(g.Output, root.Data, $"{g.Name} output");
            for (int i = 0; i < v.Length; i++)
            {
                Tolerance.AssertClose(g.Values[i], v[i].Data, $"{g.Name} value of node {i} ({g.Nodes[i].Op})");
                Tolerance.AssertClose(g.Grads[i], v[i].Grad, $"{g.Name} gradient of node {i} ({g.Nodes[i].Op})");
                stats.Add(g.Values[i], v[i].Data, $"{g.Name} value {i}");
                stats.Add(g.Grads[i], v[i].Grad, $"{g.Name} grad {i}");
            }
        }
        output.WriteLine($"dynamic engine vs PyTorch: {stats}");
    }

    [Fact]
    public void Compiled_tape_matches_pytorch_too()
    {
        var stats = new ErrorStats();
        foreach (var g in File.Graphs)
        {
            var v = GraphProgram.Build(g.Nodes);
            var leaves = v.Where(x => x.IsLeaf && x.Label is not null).ToArray();
            var tape = Tape.Compile(v[^1], inputs: [], parameters: leaves, watched: v);

            // Replay with the leaves' values moved away and back, so the tape really recomputes.
            var original = leaves.Select(p => p.Data).ToArray();
            foreach (var p in leaves) p.Data += 1;
            tape.Forward();
            for (int i = 0; i < leaves.Length; i++) leaves[i].Data = original[i];
            tape.Forward();
            tape.Backward();

            Tolerance.AssertClose(g.Output, tape.Output, $"{g.Name} tape output");
            for (int i = 0; i < v.Length; i++)
            {
                Tolerance.AssertClose(g.Values[i], tape.Watched(i), $"{g.Name} tape value of node {i}");
                stats.Add(g.Values[i], tape.Watched(i), $"{g.Name} value {i}");
            }
            for (int i = 0; i < v.Length; i++)
                if (v[i].IsLeaf)
                {
                    Tolerance.AssertClose(g.Grads[i], v[i].Grad, $"{g.Name} tape gradient of leaf {i}");
                    stats.Add(g.Grads[i], v[i].Grad, $"{g.Name} grad {i}");
                }
        }
        output.WriteLine($"tape vs PyTorch: {stats}");
    }
}
