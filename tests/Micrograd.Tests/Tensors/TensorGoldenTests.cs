using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Tensors;

/// <summary>
/// Random tensor programs (broadcasting on either side, matmul, transpose, reshape, reductions over either
/// axis, log-softmax, cross-entropy, reused subexpressions) rebuilt with the Tensor API and compared with
/// PyTorch in float64: every node's value and gradient to 1e-9 relative.
/// Fixture: fixtures/tensor_golden.json, written by tools/reference/tensor_golden.py.
/// </summary>
public class TensorGoldenTests(ITestOutputHelper output)
{
    private sealed record GoldenFile(string Torch, GoldenProgram[] Programs);

    private sealed record GoldenProgram(string Name, TensorNode[] Nodes, double[][] Values, double[]?[] Grads);

    private static GoldenFile File => Fixture.Load<GoldenFile>("tensor_golden.json");

    [Fact]
    public void Fixture_covers_every_op_and_broadcasting_on_either_side()
    {
        var ops = File.Programs.SelectMany(p => p.Nodes).Select(n => n.Op).ToHashSet();
        foreach (var op in new[] { "add", "sub", "mul", "div", "neg", "exp", "log", "tanh", "relu", "sigmoid", "pow",
                     "matmul", "transpose", "reshape", "sum", "mean", "max", "log_softmax", "cross_entropy" })
            Assert.Contains(op, ops);
        bool aBroadcast = false, bBroadcast = false;
        foreach (var p in File.Programs)
            foreach (var n in p.Nodes.Where(n => n.A is not null && n.B is not null && n.Op is "add" or "sub" or "mul" or "div"))
            {
                int count = p.Values[Array.IndexOf(p.Nodes, n)].Length;
                aBroadcast |= p.Values[n.A!.Value].Length < count;
                bBroadcast |= p.Values[n.B!.Value].Length < count;
            }
        Assert.True(aBroadcast && bBroadcast, "expected programs where each operand side is broadcast");
        Assert.Contains(File.Programs.SelectMany(p => p.Nodes), n => n.Axis < 0);
    }

    [Fact]
    public void Values_and_gradients_match_pytorch()
    {
        var stats = new ErrorStats();
        foreach (var p in File.Programs)
        {
            var t = TensorProgram.Build(p.Nodes);
            t[^1].Backward();
            for (int i = 0; i < t.Length; i++)
            {
                var values = t[i].ToArray();
                Tolerance.AssertAllClose(p.Values[i], values, $"{p.Name} node {i} ({p.Nodes[i].Op}) value");
                for (int k = 0; k < values.Length; k++) stats.Add(p.Values[i][k], values[k], $"{p.Name} node {i} value");
                if (p.Grads[i] is not { } expected)
                {
                    Assert.Null(t[i].Grad);
                    continue;
                }
                var grad = t[i].Grad?.ToArray() ?? throw new Xunit.Sdk.XunitException($"{p.Name} node {i} ({p.Nodes[i].Op}) has no gradient");
                Tolerance.AssertAllClose(expected, grad, $"{p.Name} node {i} ({p.Nodes[i].Op}) gradient");
                for (int k = 0; k < grad.Length; k++) stats.Add(expected[k], grad[k], $"{p.Name} node {i} gradient");
            }
        }
        output.WriteLine(stats.ToString());
    }
}
