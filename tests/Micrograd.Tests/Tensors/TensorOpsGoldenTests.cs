using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Tensors;

/// <summary>
/// The ops that layers are made of (batched matmul, transpose and permute of any rank, softmax, sqrt, take with
/// repeated rows, masked fill with -Infinity before a softmax, slice, concat with a tensor used twice,
/// cross-entropy with ignore_index, GELU in both forms, linear, layer norm, variance, flatten), each in eight
/// programs, rebuilt with the Tensor API and compared with PyTorch in float64: every node's value and gradient to
/// 1e-9 relative. Fixture: fixtures/tensor_ops_golden.json, written by tools/reference/tensor_ops_golden.py.
/// </summary>
public class TensorOpsGoldenTests(ITestOutputHelper output)
{
    private sealed record GoldenFile(string Torch, GoldenProgram[] Programs);

    private sealed record GoldenProgram(string Name, TensorNode[] Nodes, double[][] Values, double[]?[] Grads);

    private static GoldenFile File => Fixture.Load<GoldenFile>("tensor_ops_golden.json");

    public static TheoryData<string> Programs => [.. File.Programs.Select(p => p.Name)];

    [Fact]
    public void Fixture_covers_every_new_op_with_negative_axes()
    {
        var ops = File.Programs.SelectMany(p => p.Nodes).Select(n => n.Op).ToHashSet();
        foreach (var op in new[] { "matmul", "transpose2", "permute", "softmax", "log_softmax", "sqrt", "take", "masked_fill", "slice",
                     "concat", "cross_entropy", "gelu", "linear", "layer_norm", "var", "flatten" })
            Assert.Contains(op, ops);
        var nodes = File.Programs.SelectMany(p => p.Nodes).ToArray();
        Assert.Contains(nodes, n => n.Op == "masked_fill" && n.Value == double.NegativeInfinity);
        Assert.Contains(nodes, n => n.Op == "take" && n.Indices!.Length > 1 && n.Indices.Distinct().Count() < n.Indices.Length);
        Assert.Contains(nodes, n => n.Op == "softmax" && n.Axis < 0);
        Assert.Contains(nodes, n => n.Op == "cross_entropy" && n.Targets!.Contains(-1));
        Assert.Contains(nodes, n => n.Op == "gelu" && n.Tanh == true);
        Assert.Contains(nodes, n => n.Op == "gelu" && n.Tanh == false);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Values_and_gradients_match_pytorch(string name)
    {
        var p = File.Programs.Single(p => p.Name == name);
        var t = TensorProgram.Build(p.Nodes);
        t[^1].Backward();
        var stats = new ErrorStats();
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
        output.WriteLine(stats.ToString());
    }
}
