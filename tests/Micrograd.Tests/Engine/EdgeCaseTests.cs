using Micrograd.Tests.Support;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Numeric edge cases against PyTorch, compared exactly (NaN with NaN, the same infinities, the same finite
/// numbers): relu's kink, log at 0 and below, powers of negative bases, exponent 0 at 0, division by zero,
/// saturation and overflow of tanh, sigmoid and exp, NaN propagation. Fixture: fixtures/edge_cases.json,
/// written by tools/reference/edge_cases.py.
/// </summary>
public class EdgeCaseTests
{
    private sealed record EdgeFile(string Torch, GraphCase[] Cases);

    private static EdgeFile File => Fixture.Load<EdgeFile>("edge_cases.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load<EdgeFile>("edge_cases.json").Cases) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Values_and_gradients_are_exactly_pytorchs(string name)
    {
        var c = File.Cases.Single(x => x.Name == name);
        var v = GraphProgram.Build(c.Nodes);
        v[^1].Backward();
        for (int i = 0; i < v.Length; i++)
            Tolerance.AssertSame(c.Values[i], v[i].Data, $"{name}: value of node {i} ({c.Nodes[i].Op})");
        if (c.Divergence is not null) return; // checked by Documented_divergences_differ_only_where_they_say
        for (int i = 0; i < v.Length; i++)
            Tolerance.AssertSame(c.Grads[i], v[i].Grad, $"{name}: gradient of node {i} ({c.Nodes[i].Op})");
    }

    [Fact]
    public void Documented_divergences_differ_only_where_they_say()
    {
        // PyTorch's relu and pow(x, 0) backward select 0 whatever gradient arrives; Micrograd multiplies the
        // local derivative 0 by it, so an infinite incoming gradient becomes NaN below them. Everything above
        // the relu / pow agrees exactly.
        var divergent = File.Cases.Where(c => c.Divergence is not null).ToArray();
        Assert.Equal(2, divergent.Length);
        foreach (var c in divergent)
        {
            var v = GraphProgram.Build(c.Nodes);
            v[^1].Backward();
            int selecting = Array.FindIndex(c.Nodes, n => n.Op is "relu" || n is { Op: "pow", Exponent: 0 });
            int below = c.Nodes[selecting].A!.Value;
            for (int i = 0; i < v.Length; i++)
            {
                if (i == below)
                {
                    Assert.Equal(0.0, c.Grads[i]);
                    Assert.True(double.IsNaN(v[i].Grad), $"{c.Name}: expected Micrograd's 0 * inf = NaN below the {c.Nodes[selecting].Op}, got {v[i].Grad}.");
                }
                else Tolerance.AssertSame(c.Grads[i], v[i].Grad, $"{c.Name}: gradient of node {i}");
            }
        }
    }

    [Fact]
    public void Fixture_has_the_cases_the_brief_asks_for()
    {
        var names = File.Cases.Select(c => c.Name).ToArray();
        foreach (var expected in new[] { "relu(0.0)", "log(0.0)", "log(-1.0)", "pow(-1.0, 0.5)", "pow(0.0, 0)", "div(1.0, 0.0)",
                     "div(0.0, 0.0)", "tanh(1000.0)", "sigmoid(-1000.0)", "exp(1000.0)", "relu(nan)" })
            Assert.Contains(expected, names);
    }
}
