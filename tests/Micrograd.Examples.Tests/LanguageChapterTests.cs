using System.Text.RegularExpressions;
using Micrograd.Language;
using static Micrograd.Examples.Tests.Printed;

namespace Micrograd.Examples.Tests;

/// <summary>The numbers chapters 13 to 16 (on to makemore: the bigram, the MLP language model, the backprop ninja,
/// attention and the transformer) talk about, as their examples print them, checked against what can be
/// computed here from names.txt and against each other.</summary>
public class LanguageChapterTests
{
    private static readonly IReadOnlyList<string> s_names = Words.ShippedNames();

    private static int PairCount => s_names.Sum(n => n.Length + 1); // ".emma." holds len + 1 pairs

    [Fact]
    public async Task Bigram_counts_give_a_loss_of_2_4546_and_the_lectures_2_4544_in_float32()
    {
        var run = await ExampleRunner.RunOk("13-bigram");
        Assert.Equal(PairCount, Number(run, @"^Counting: (?<n>\d+) pairs"));
        var starts = Match(run, @"a name starts with a (?<s>\d+) times, ends with a (?<e>\d+) times; q is followed by u (?<qu>\d+) times of (?<q>\d+)$");
        Assert.Equal(s_names.Count(n => n[0] == 'a'), int.Parse(starts.Groups["s"].Value));
        Assert.Equal(s_names.Count(n => n[^1] == 'a'), int.Parse(starts.Groups["e"].Value));
        Assert.Equal(s_names.Sum(n => n.Count(ch => ch == 'q')), int.Parse(starts.Groups["q"].Value)); // every q is followed by something
        Assert.Equal(s_names.Sum(n => Regex.Count(n, "qu")), int.Parse(starts.Groups["qu"].Value));
        double pa = Number(run, @"P\(next \| '\.'\) for a, b, c: (?<n>\S+) ");
        Assert.Equal((s_names.Count(n => n[0] == 'a') + 1.0) / (s_names.Count + 27), pa, 4);
        Assert.Equal(1.0, Number(run, @"the row sums to (?<n>\S+)$"));
        Quoted("13-bigram", $"A name starts with a in {s_names.Count(n => n[0] == 'a'):N0} of the {s_names.Count:N0} names, so P(a | .) is about {pa:F4}");

        // The emma lines: log P is the log of P, and the samples are names of a to z.
        var emma = Numbers(run, @"^    \S\S  P = (?<n>\S+)  log P");
        var emmaLogs = Numbers(run, @"log P = (?<n>\S+)$");
        Assert.Equal(5, emma.Count);
        for (int i = 0; i < 5; i++) Assert.InRange(Math.Exp(emmaLogs[i]), emma[i] - 0.00006, emma[i] + 0.00006); // P to 4 decimals
        var sampled = Match(run, @"^  10 names sampled from the counts: +(?<names>.+)$").Groups["names"].Value.Split(' ');
        Assert.Equal(10, sampled.Length);
        Assert.All(sampled, n => Assert.Matches("^([a-z]+|\\.)$", n));

        // Smoothing: the unsmoothed counts are the lowest loss; more fake counts move towards log 27.
        double smoothed = Number(run, @"average negative log-likelihood over all \d+ pairs: (?<n>\S+)$");
        var table = Match(run, @"without the \+1 smoothing: (?<raw>\S+); with \+10: (?<ten>\S+); with \+1000: (?<thousand>\S+); every next character equally likely: (?<uniform>\S+)$");
        double raw = Parse(table.Groups["raw"].Value), thousand = Parse(table.Groups["thousand"].Value), uniform = Parse(table.Groups["uniform"].Value);
        Assert.True(raw < smoothed && smoothed < Parse(table.Groups["ten"].Value) && Parse(table.Groups["ten"].Value) < thousand && thousand < uniform, run.ToString());
        Assert.Equal(Math.Log(27), uniform, 4);
        Assert.InRange(smoothed, 2.45, 2.46);
        Quoted("13-bigram", $"the loss of the real names moves only from {raw:F4} to {smoothed:F4}");
        Quoted("13-bigram", $"with +1000 the loss is {thousand:F4}, on the way to {uniform:F4} = log 27");
        Assert.Contains(run.Lines, l => l.EndsWith("so its negative log-likelihood is Infinity; with +1: 3.4834", StringComparison.Ordinal));

        // The lecture's float32 sum is reproduced to the last digit; the float64 sum is the exact one.
        var sums = Match(run, @"float32, one pair after another: (?<f32>\S+) / (?<pairs>\d+) = (?<mean32>\S+); in float64 it is (?<f64>\S+)$");
        Assert.Equal("-559951.5625", sums.Groups["f32"].Value);                      // the lecture's log_likelihood
        Assert.Equal("2.4544", sums.Groups["mean32"].Value);                          // the lecture's nll
        Assert.Equal(smoothed, -Parse(sums.Groups["f64"].Value) / PairCount, 4);
        Quoted("13-bigram", $"The example finds {smoothed:F4}");
        Quoted("13-bigram", $"the exact sum is {sums.Groups["f64"].Value}");
    }

    [Fact]
    public async Task Bigram_network_reaches_the_counts_loss_and_log_counts_have_zero_gradient()
    {
        var run = await ExampleRunner.RunOk("13-bigram");
        Assert.Equal(0.0, Number(run, @"one-hot\(x\)·W and W\.Take\(x\) differ by at most (?<n>\S+)$"));
        var steps = Numbers(run, @"^  step +\d+  batch loss \S+  \(negative log-likelihood (?<n>\S+)\)$");
        Assert.Equal(7, steps.Count);
        Assert.True(steps[0] > 3.5 && steps[^1] < 2.5, run.ToString());

        double optimum = Number(run, @"without the \+1 smoothing: (?<n>[^;]+);");
        double counted = Number(run, @"average negative log-likelihood over all \d+ pairs: (?<n>\S+)$");
        double learned = Number(run, @"after 300 steps of lr 50, on all \d+ pairs: negative log-likelihood (?<n>\S+)$");
        Assert.True(learned >= optimum, $"Nothing can beat the counts on the pairs they were counted from: {learned} < {optimum}.");
        Assert.True(learned - counted < 0.02, run.ToString());
        Quoted("13-bigram", $"After 300 steps the network's negative log-likelihood on all the pairs is {learned:F4}, close to the counts' {counted:F4}");

        var atLogCounts = Match(run, @"^W = log\(counts\): loss (?<loss>\S+), the largest \|gradient\| (?<grad>\S+)$");
        Assert.Equal(optimum, Parse(atLogCounts.Groups["loss"].Value));
        Assert.True(Parse(atLogCounts.Groups["grad"].Value) < 1e-12, run.ToString());
        Assert.Equal(optimum, Number(run, @"^W = log\(counts\) \+ 5 in row a, - 3 in row b: loss (?<n>\S+)$"));
        Quoted("13-bigram", $"The loss is the counts' unsmoothed {optimum:F4}");

        var rows = run.Lines.Select(l => Regex.Match(l, @"^  \S\S  counted (?<c>\S+)  learned (?<l>\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, m => Assert.True(Math.Abs(Parse(m.Groups["c"].Value) - Parse(m.Groups["l"].Value)) < 0.1, m.Value));
        Assert.True(Number(run, @"the 729 probabilities differ by (?<n>\S+) on average") < 0.01, run.ToString());
    }

    [Fact]
    public async Task Mlp_language_model_splits_80_10_10_finds_a_rate_near_0_1_and_reaches_a_dev_loss_below_2_25()
    {
        var run = await ExampleRunner.RunOk("14-mlp-language-model");
        var split = Match(run, @"^(?<all>\d+) names shuffled: (?<train>\d+) to train on, (?<dev>\d+) for dev, (?<test>\d+) for test$");
        Assert.Equal(s_names.Count, int.Parse(split.Groups["all"].Value));
        Assert.Equal((int)(0.8 * s_names.Count), int.Parse(split.Groups["train"].Value));
        Assert.Equal((int)(0.9 * s_names.Count) - (int)(0.8 * s_names.Count), int.Parse(split.Groups["dev"].Value));
        var examples = Match(run, @"the next: (?<train>\d+) train, (?<dev>\d+) dev, (?<test>\d+) test$");
        Assert.Equal(PairCount, new[] { "train", "dev", "test" }.Sum(g => int.Parse(examples.Groups[g].Value))); // one example per pair
        Assert.Equal(["... -> e", "..e -> m", ".em -> m", "emm -> a", "mma -> ."],
            run.Lines.SkipWhile(l => !l.EndsWith("the examples 'emma' makes:", StringComparison.Ordinal)).Skip(1).Take(5).Select(l => l.Trim()));

        // Take's backward adds: m, taken twice, gets 2; z, never taken, 0.
        Assert.Contains("C.Take(emma) summed, then Backward: C.Grad row e = [1, 1], row m = [2, 2], row a = [1, 1], row z = [0, 0]", run.Lines);

        // The sweep: rates on a log scale from 0.001 to 1; the valley in the middle, at about 0.1.
        var sweep = run.Lines.Select(l => Regex.Match(l, @"^ +(?<rate>\d\.\d{4}) +(?<loss>\d\.\d{4})$")).Where(m => m.Success)
            .Select(m => (Rate: Parse(m.Groups["rate"].Value), Loss: Parse(m.Groups["loss"].Value))).ToList();
        Assert.Equal(10, sweep.Count);
        for (int i = 1; i < sweep.Count; i++) Assert.Equal(2.0, sweep[i].Rate / sweep[i - 1].Rate, 1);
        var best = sweep.MinBy(s => s.Loss);
        Assert.InRange(best.Rate, 0.03, 0.3);
        Assert.True(sweep[0].Loss > best.Loss + 0.3 && sweep[^1].Loss > best.Loss + 0.3, run.ToString());
        Assert.Equal($"{best.Rate:F2}", Match(run, @"lowest around a learning rate of (?<r>\S+):").Groups["r"].Value);
        Assert.Equal("-1.0", Match(run, @"10\^(?<e>\S+)$").Groups["e"].Value);

        // Training: the lecture's 11,897 parameters; from a uniform guess to a dev loss below 2.25.
        Assert.Equal(27 * 10 + 30 * 200 + 200 + 200 * 27 + 27, Number(run, @"^Training: (?<n>\d+) parameters"));
        Assert.Equal(Math.Log(27), Number(run, @"before training: dev loss (?<n>\S+)$"), 1);
        var end = Match(run, @"after 12000 steps: train loss (?<train>\S+), dev loss (?<dev>\S+), test loss (?<test>\S+)$");
        double train = Parse(end.Groups["train"].Value), dev = Parse(end.Groups["dev"].Value), test = Parse(end.Groups["test"].Value);
        Assert.InRange(dev, 2.0, 2.25);
        Assert.True(train <= dev + 0.05 && Math.Abs(test - dev) < 0.05, run.ToString());
        Assert.Equal(dev, Number(run, @"^  step 11999  .* dev loss (?<n>\S+)$"));
        Quoted("14-mlp-language-model", $"A dev loss of {dev:F4} after 12,000 steps");
        Quoted("14-mlp-language-model", $"Train and dev are close ({train:F4} and {dev:F4})");
        Quoted("14-mlp-language-model", $"The test loss, {test:F4}, is looked at once");
        Quoted("14-mlp-language-model", $"({Number(run, @"^  step 11999  lr 0\.01  batch loss (?<n>\S+)  "):F4} at the last step)");

        var samples = Match(run, @"^15 names from the trained model: (?<names>.+)$").Groups["names"].Value.Split(' ');
        Assert.Equal(15, samples.Length);
        Assert.All(samples, n => Assert.Matches("^([a-z]+|\\.)$", n));
    }

    [Fact]
    public async Task Every_gradient_by_hand_matches_Backward_to_1e_12()
    {
        var run = await ExampleRunner.RunOk("15-backprop-ninja");
        Assert.Equal(27 * 10 + 30 * 64 + 64 + 64 * 27 + 27 + 64 + 64, Number(run, @"^  (?<n>\d+) parameters; loss"));
        Quoted("15-backprop-ninja", "4,137 parameters, as in the lecture");
        string[] expected = ["dlogits", "dh", "dW2", "db2", "dhpreact", "dbngain", "dbnbias", "dhprebn", "dembcat", "dW1", "db1", "demb", "dC"];
        var rows = run.Lines.Select(l => Regex.Match(l, @"^  (?<name>d\w+) +\[[\d, ]+\] +(?<diff>\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(expected, rows.Select(m => m.Groups["name"].Value));
        Assert.All(rows, m => Assert.True(Parse(m.Groups["diff"].Value) < 1e-12, $"{m.Groups["name"].Value}: {m.Groups["diff"].Value}"));

        var steps = run.Lines.Select(l => Regex.Match(l, @"^  step +(?<k>\d+)  loss by hand (?<hand>\S+)  with Backward (?<engine>\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(4, steps.Count);
        Assert.All(steps, m => Assert.Equal(m.Groups["engine"].Value, m.Groups["hand"].Value));
        Assert.True(Parse(steps[^1].Groups["hand"].Value) < Parse(steps[0].Groups["hand"].Value) - 0.5, run.ToString());
        Assert.True(Number(run, @"the largest difference of the two losses over the 300 steps: (?<n>\S+)$") < 1e-12, run.ToString());
    }

    [Fact]
    public async Task Attention_is_built_step_by_step_into_the_librarys_block_and_a_small_transformer_learns()
    {
        var run = await ExampleRunner.RunOk("16-attention-transformer");

        // The averaging trick: row i of wei holds 1/(i + 1) in its first i + 1 places; three ways agree.
        var wei = run.Lines.SkipWhile(l => !l.StartsWith("The averaging trick", StringComparison.Ordinal)).Skip(1).Take(4).Select(Matrix).ToList();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) Assert.Equal(j <= i ? 1.0 / (i + 1) : 0, wei[i][j], 4);
        var same = Match(run, @"the same as the loops to (?<a>\S+), as the triangle of 1/\(i\+1\) to (?<b>\S+)$");
        Assert.True(Parse(same.Groups["a"].Value) < 1e-12 && Parse(same.Groups["b"].Value) < 1e-12, run.ToString());

        // Scaling: q·kᵀ has variance about the head size, and dividing by its square root brings it back to about 1.
        var variances = Match(run, @"var\(q·kᵀ\) (?<raw>\S+), var\(q·kᵀ/√16\) (?<scaled>\S+)$");
        Assert.InRange(Parse(variances.Groups["raw"].Value.TrimEnd(',')), 10, 25);
        Assert.InRange(Parse(variances.Groups["scaled"].Value), 0.6, 1.6);
        var sharp = Matrix(Match(run, @"× 8\) = \[(?<p>[^\]]+)\]$").Groups["p"].Value);
        Assert.Equal(1.0, sharp.Sum(), 3);
        Assert.Equal(sharp.Max(), sharp[4]);
        Quoted("16-attention-transformer", $"give {sharp[4]:F4} of the weight to one of them");

        // One head: each row of weights sums to 1 and gives the future nothing.
        var head = run.Lines.SkipWhile(l => !l.Contains("the first sequence's attention weights", StringComparison.Ordinal)).Skip(1).Take(8).Select(Matrix).ToList();
        Assert.Equal(8, head.Count);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(1.0, head[i].Sum(), 3);
            Assert.All(head[i].Skip(i + 1), w => Assert.Equal(0.0, w));
        }

        // The block by hand is the library's TransformerBlock.
        const int c = 32;
        int blockParameters = 2 * 2 * c + (c * 3 * c + 3 * c) + (c * c + c) + (c * 4 * c + 4 * c) + (4 * c * c + c);
        Assert.Equal(blockParameters, Number(run, @"on x \[2, 8, 32\], (?<n>\d+) parameters:$"));
        Assert.True(Number(run, @"the largest difference from TransformerBlock\.Forward: (?<n>\S+)$") < 1e-12, run.ToString());

        // makemore's default model has makemore's parameter count, as docs/cli.md says; the small one learns.
        Assert.Equal(204544, Number(run, @"default transformer: block size 16, 4 blocks, (?<n>\d+) parameters$"));
        Assert.Contains("transformer 204,544", File.ReadAllText(Path.Combine(Repo.Root, "docs", "cli.md")));
        double before = Number(run, @"before training: test loss (?<n>\S+)$");
        double after = Number(run, @"after 400 steps: test loss (?<n>\S+)$");
        Assert.True(before > 3.0 && after < 2.4, run.ToString());
        var samples = Match(run, @"^  12 samples: (?<names>.+) \((?<new>\d+) new\)$");
        Assert.Equal(12, samples.Groups["names"].Value.Split(' ').Length);

        var mlp = await ExampleRunner.RunOk("14-mlp-language-model");
        double mlpDev = Number(mlp, @"after 12000 steps: train loss \S+, dev loss (?<n>\S+),");
        Quoted("16-attention-transformer", $"A test loss of {after:F4} after 400 steps, already about where chapter 14's MLP ended after 12,000 (its dev loss {mlpDev:F4})");
        Assert.True(Math.Abs(after - mlpDev) < 0.05, $"Chapter 16 says the transformer ends about where the MLP did: {after} and {mlpDev}.");
    }
}
