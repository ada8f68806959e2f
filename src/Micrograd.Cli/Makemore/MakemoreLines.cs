using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Language;

namespace Micrograd.Cli.Makemore;

/// <summary>The lines makemore.py prints, in its words and number formats, so that a makemore user reads them at
/// a glance (Python's repr of a float is the shortest text that reads back as the same double, as "R").</summary>
internal static class MakemoreLines
{
    public static readonly string Rule = new('-', 80);

    public static IEnumerable<string> Dataset(CharDataset train, CharDataset test) =>
    [
        $"number of examples in the dataset: {train.Count + test.Count}",
        $"max word length: {train.MaxWordLength}",
        $"number of unique characters in the vocabulary: {train.Vocabulary.Size - 1}",
        "vocabulary:",
        train.Vocabulary.ToString(),
        $"split up the dataset into {train.Count} training examples and {test.Count} test examples",
        $"dataset determined that: vocab_size={train.Vocabulary.Size}, block_size={train.OutputLength}",
    ];

    /// <summary>Transformer's own "number of parameters: 0.20M" (the trunk, without lm_head).</summary>
    public static string TrunkParameters(long count) => "number of parameters: " + (count / 1e6).ToString("F2", CultureInfo.InvariantCulture) + "M";

    public static string Parameters(long count) => $"model #params: {count}";

    public static string Step(int step, double loss, double ms) =>
        $"step {step} | loss {Numbers.Fixed(loss, 4)} | step time {Numbers.Fixed(ms, 2)}ms";

    public static string Evaluation(int step, double trainLoss, double testLoss) =>
        $"step {step} train loss: {Numbers.RoundTrip(trainLoss)} test loss: {Numbers.RoundTrip(testLoss)}";

    public static string Best(double testLoss, string path) => $"test loss {Numbers.RoundTrip(testLoss)} is the best so far, saving model to {path}";

    public static IEnumerable<string> Samples(SampledWords samples)
    {
        yield return Rule;
        foreach (var (list, what) in new[] { (samples.InTrain, "in train"), (samples.InTest, "in test"), (samples.New, "new") })
        {
            yield return $"{list.Count} samples that are {what}:";
            foreach (var word in list) yield return word;
        }
        yield return Rule;
    }
}
