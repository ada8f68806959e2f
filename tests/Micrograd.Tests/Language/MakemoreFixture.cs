using Micrograd.Tests.Support;

namespace Micrograd.Tests.Language;

/// <summary>fixtures/makemore_golden.json, written by tools/reference/makemore_golden.py from makemore.py's own
/// classes: per model type, the weights, and for one batch the logits, loss, gradients and weights after AdamW.</summary>
internal static class MakemoreFixture
{
    internal sealed record Param(string Name, int[] Shape, double[] Values);

    internal sealed record Run(double[] Logits, int[] LogitsShape, double Loss, Dictionary<string, double[]> Grads,
        Dictionary<string, double[]> AfterStep1, Dictionary<string, double[]>? AfterStep2);

    internal sealed record Case(string Type, Param[] Parameters, Run Float64, Run Float32);

    internal sealed record Config(int NLayer, int NHead, int NEmbd, int NEmbd2);

    internal sealed record Names(int VocabSize, int BlockSize, Dictionary<string, long> ParameterCounts, long TransformerTrunkParameters, string NumberOfParametersLine);

    internal sealed record File(string Torch, string[] Words, int[] Rows, int[] X, int[] Y, int[] BatchShape, int VocabSize, int BlockSize,
        Config Config, double LearningRate, double WeightDecay, Case[] Cases, Names Names);

    public static File Data => Fixture.Load<File>("makemore_golden.json");

    public static Case For(string type) => Data.Cases.Single(c => c.Type == type);

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var c in Data.Cases) data.Add(c.Type);
        return data;
    }
}
