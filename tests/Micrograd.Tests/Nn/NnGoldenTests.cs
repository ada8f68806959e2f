using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Nn;

/// <summary>
/// MLPs initialised from the Rng (tanh, ReLU and sigmoid; uniform and scaled init) and every loss of Losses.cs
/// against PyTorch: the initial weights exactly, the outputs, the loss and every parameter's gradient to 1e-9
/// relative. Fixture: fixtures/nn_golden.json, written by tools/reference/nn_golden.py.
/// </summary>
public class NnGoldenTests(ITestOutputHelper output)
{
    internal sealed record NnCase(string Name, int Nin, int[] Layers, string Activation, string OutputActivation, string Init,
        ulong Seed, double[][] Inputs, double[] Targets, string Loss, double L2, double[] Params, double[][] Outputs,
        double LossValue, double[] Grads);

    private sealed record NnFile(string Torch, NnCase[] Cases);

    private static NnCase[] Cases => Fixture.Load<NnFile>("nn_golden.json").Cases;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Load<NnFile>("nn_golden.json").Cases) data.Add(c.Name);
        return data;
    }

    internal static MLP Build(NnCase c) => new(c.Nin, c.Layers, Activations.Parse(c.Activation), Activations.Parse(c.OutputActivation),
        Enum.Parse<Init>(c.Init), new Rng(c.Seed));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Initial_weights_are_the_python_reimplementations_bit_for_bit(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var model = Build(c);
        var p = model.Parameters();
        Assert.Equal(c.Params.Length, p.Count);
        for (int i = 0; i < p.Count; i++) Assert.Equal(c.Params[i], p[i].Data);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Outputs_loss_and_gradients_match_pytorch(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var model = Build(c);
        var outputs = c.Inputs.Select(x => model.Forward(x)).ToArray();
        var loss = c.Loss switch
        {
            "SumSquaredError" => Losses.SumSquaredError(outputs.Select(o => o[0]).ToArray(), c.Targets),
            "MeanSquaredError" => Losses.MeanSquaredError(outputs.Select(o => o[0]).ToArray(), c.Targets),
            "Hinge" => Losses.Hinge(outputs.Select(o => o[0]).ToArray(), c.Targets),
            "CrossEntropy" => Losses.CrossEntropy(outputs, c.Targets),
            _ => throw new InvalidOperationException(c.Loss),
        };
        if (c.L2 != 0) loss += Losses.L2(model.Parameters(), c.L2);
        model.ZeroGrad();
        loss.Backward();

        var stats = new ErrorStats();
        for (int i = 0; i < outputs.Length; i++)
            for (int j = 0; j < outputs[i].Length; j++)
            {
                Tolerance.AssertClose(c.Outputs[i][j], outputs[i][j].Data, $"output {j} of example {i}");
                stats.Add(c.Outputs[i][j], outputs[i][j].Data, $"output {i},{j}");
            }
        Tolerance.AssertClose(c.LossValue, loss.Data, "loss");
        stats.Add(c.LossValue, loss.Data, "loss");
        var p = model.Parameters();
        Assert.Equal(c.Grads.Length, p.Count);
        for (int i = 0; i < p.Count; i++)
        {
            Tolerance.AssertClose(c.Grads[i], p[i].Grad, $"gradient of parameter {i} ({p[i].Label})");
            stats.Add(c.Grads[i], p[i].Grad, $"grad {i}");
        }
        output.WriteLine($"{name}: {stats}");
    }
}
