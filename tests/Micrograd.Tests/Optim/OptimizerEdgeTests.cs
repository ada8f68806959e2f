using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Optim;

/// <summary>
/// torch.optim at its edges: a parameter whose first gradient arrives late counts its own updates (AdamW's bias
/// correction, SGD's first momentum), and SGD's momentum itself; parameters PyTorch refuses are refused.
/// Fixture: fixtures/optim_edge_golden.json, written by tools/reference/optim_edge_golden.py.
/// </summary>
public class OptimizerEdgeTests
{
    private sealed record Step(double[] P1, double[] P2);

    private sealed record Case(string Name, string Optimizer, double Lr, double[]? Betas, double Eps, double Momentum, double Weight_decay,
        double[] P1, double[] C1, double[] P2, double[] C2, int Late, int Steps, Step[] Trajectory);

    private sealed record GoldenFile(Case[] Cases);

    public static TheoryData<string> Cases => [.. Fixture.Load<GoldenFile>("optim_edge_golden.json").Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tensor_parameters_follow_pytorch_step_by_step(string name)
    {
        var c = Fixture.Load<GoldenFile>("optim_edge_golden.json").Cases.Single(c => c.Name == name);
        var p1 = Tensor<double>.FromArray(c.P1, [c.P1.Length], requiresGrad: true);
        var p2 = Tensor<double>.FromArray(c.P2, [c.P2.Length], requiresGrad: true);
        var (c1, c2) = (Tensor<double>.FromArray(c.C1, [c.C1.Length]), Tensor<double>.FromArray(c.C2, [c.C2.Length]));
        Optimizer optimizer = c.Optimizer == "adamw"
            ? new AdamW([p1, p2], c.Lr, c.Betas![0], c.Betas[1], c.Eps, c.Weight_decay)
            : new Sgd([p1, p2], c.Lr, c.Momentum, c.Weight_decay);
        for (int k = 0; k < c.Steps; k++)
        {
            var loss = (c1 * p1 * p1).Sum();
            if (k >= c.Late) loss += (c2 * p2 * p2).Sum();
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            Tolerance.AssertAllClose(c.Trajectory[k].P1, p1.ToArray(), $"{name} step {k} p1");
            Tolerance.AssertAllClose(c.Trajectory[k].P2, p2.ToArray(), $"{name} step {k} p2");
        }
    }

    [Fact]
    public void Sgd_momentum_on_values_accumulates_velocity()
    {
        // p = 1, loss = p², lr 0.1, μ 0.9: g0 = 2, b0 = 2, p1 = 0.8; g1 = 1.6, b1 = 0.9·2 + 1.6 = 3.4, p2 = 0.46.
        var p = new Value(1.0);
        var sgd = new Sgd([p], learningRate: 0.1, momentum: 0.9);
        foreach (double expected in new[] { 0.8, 0.46 })
        {
            var loss = p * p;
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            Assert.Equal(expected, p.Data, 12);
        }
    }

    [Fact]
    public void A_computed_tensor_is_refused_as_a_parameter()
    {
        var leaf = Tensor<double>.FromArray([1.0, 2.0], [2], requiresGrad: true);
        var computed = leaf * 2.0;
        var e = Assert.Throws<ArgumentException>(() => new AdamW([leaf, computed]));
        Assert.Contains("parameter 2 is computed by an op", e.Message);
    }

    [Fact]
    public void A_parameter_listed_twice_is_refused_in_both_engines()
    {
        var t = Tensor<float>.Zeros([3], requiresGrad: true);
        Assert.Contains("parameters 1 and 3 are the same tensor", Assert.Throws<ArgumentException>(() => new Sgd([t, Tensor<float>.Zeros([1], true), t], 0.1)).Message);
        var v = new Value(1);
        Assert.Contains("parameters 1 and 2 are the same Value", Assert.Throws<ArgumentException>(() => new AdamW([v, v])).Message);
    }
}
