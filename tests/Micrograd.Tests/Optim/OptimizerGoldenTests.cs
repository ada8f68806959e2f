using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Optim;

/// <summary>
/// SGD (momentum, weight decay, learning-rate schedules) and AdamW (betas, eps, weight decay) against
/// torch.optim.SGD and torch.optim.AdamW: 50 steps on a small nonlinear function of four parameters and on a
/// small MLP, the loss before and every parameter after every step, to 1e-9 relative.
/// Fixture: fixtures/optim_golden.json, written by tools/reference/optim_golden.py.
/// </summary>
public class OptimizerGoldenTests(ITestOutputHelper output)
{
    private sealed record OptimCase(string Name, string Problem, string Optimizer, double Lr, double Momentum, double WeightDecay,
        double Beta1, double Beta2, double Eps, string? Schedule, int Steps, double[] Initial, double[] Losses, double[] Rates,
        double[][] Trajectory);

    private sealed record MlpProblem(ulong Seed, int Nin, int[] Layers, double[][] Inputs, double[] Targets);

    private sealed record OptimFile(string Torch, MlpProblem Mlp, OptimCase[] Cases);

    private static OptimFile File => Fixture.Load<OptimFile>("optim_golden.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load<OptimFile>("optim_golden.json").Cases) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Trajectory_matches_torch_optim(string name)
    {
        var c = File.Cases.Single(x => x.Name == name);
        var (parameters, lossOf) = c.Problem == "quadratic" ? Quadratic(c.Initial) : Mlp(File.Mlp);
        for (int i = 0; i < parameters.Count; i++) Assert.Equal(c.Initial[i], parameters[i].Data);

        Optimizer optimizer = c.Optimizer == "sgd"
            ? new Sgd(parameters, c.Lr, c.Momentum, c.WeightDecay)
            : new AdamW(parameters, c.Lr, c.Beta1, c.Beta2, c.Eps, c.WeightDecay);
        optimizer.Schedule = c.Schedule switch
        {
            null => null,
            "linear" => k => c.Lr * (1 - 0.9 * k / c.Steps),
            "exponential" => k => c.Lr * Math.Pow(0.95, k),
            _ => throw new InvalidOperationException(c.Schedule),
        };

        var stats = new ErrorStats();
        for (int k = 0; k < c.Steps; k++)
        {
            var loss = lossOf();
            Tolerance.AssertClose(c.Losses[k], loss.Data, $"loss before step {k}");
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            Assert.Equal(k + 1, optimizer.StepCount);
            Assert.Equal(c.Rates[k], optimizer.LearningRate);
            for (int i = 0; i < parameters.Count; i++)
            {
                Tolerance.AssertClose(c.Trajectory[k][i], parameters[i].Data, $"parameter {i} after step {k + 1}");
                stats.Add(c.Trajectory[k][i], parameters[i].Data, $"step {k + 1} parameter {i}");
            }
        }
        output.WriteLine($"{name}: {stats}");
    }

    // f = (p0 - 1)**2 * 2 + (p1 + 0.5)**2 + (p2 - 2)**2 * 0.5 + p3**2 * 3 + p0 * p1 * 0.5 + tanh(p2 * p3)
    private static (IReadOnlyList<Value>, Func<Value>) Quadratic(double[] start)
    {
        var p = start.Select((x, i) => new Value(x, $"p{i}")).ToArray();
        return (p, () => (p[0] - 1).Pow(2) * 2 + (p[1] + 0.5).Pow(2) + (p[2] - 2).Pow(2) * 0.5 + p[3].Pow(2) * 3
                         + p[0] * p[1] * 0.5 + (p[2] * p[3]).Tanh());
    }

    private static (IReadOnlyList<Value>, Func<Value>) Mlp(MlpProblem m)
    {
        var model = new MLP(m.Nin, m.Layers, Activation.Tanh, Activation.Linear, Init.Uniform, new Rng(m.Seed));
        return (model.Parameters(), () => Losses.MeanSquaredError(m.Inputs.Select(x => model.Forward(x)[0]).ToArray(), m.Targets));
    }
}
