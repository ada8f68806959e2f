using System.Globalization;
using System.Text.RegularExpressions;
using Micrograd.Cli.Makemore;
using Micrograd.Language;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd makemore --type bigram --max-steps 2000</c>: makemore's lines, schedule, files and learning.</summary>
public partial class MakemoreTests(MakemoreBigramFixture run) : IClassFixture<MakemoreBigramFixture>
{
    [Fact]
    public void It_succeeds_and_prints_makemores_opening_lines()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Err);
        Assert.Equal("", run.Result.Err);
        Assert.Equal(
        [
            "number of examples in the dataset: 32033", "max word length: 15", "number of unique characters in the vocabulary: 26", "vocabulary:",
            "abcdefghijklmnopqrstuvwxyz", "split up the dataset into 31033 training examples and 1000 test examples",
            "dataset determined that: vocab_size=27, block_size=16", "model #params: 729",
        ], run.Result.OutLines[..8]);
    }

    [Fact]
    public void A_step_line_every_10_steps_in_makemores_format_starting_at_log_27()
    {
        var steps = run.Result.OutLines.Select(l => StepLine().Match(l)).Where(m => m.Success).ToArray();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 10 * i), steps.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Equal("3.2958", steps[0].Groups[2].Value);          // zero logits: every one of the 27 tokens at 1/27
        double last = double.Parse(steps[^1].Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.InRange(last, 2.5, 2.95);                            // makemore.py: 2.75 after 2,000 steps at lr 5e-4
    }

    [Fact]
    public void Evaluations_every_500_steps_and_after_the_last_save_the_best_model()
    {
        var evals = run.Result.OutLines.Select(l => EvalLine().Match(l)).Where(m => m.Success).ToArray();
        Assert.Equal([500, 1000, 1500, 1999], evals.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        var test = evals.Select(m => double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(test.Zip(test.Skip(1)).All(p => p.Second < p.First), string.Join(", ", test)); // still learning: each better
        Assert.InRange(test[^1], 2.6, 2.9);
        string model = run.Folder.File(MakemoreTargets.ModelFileName);
        foreach (var t in test) Assert.Contains($"test loss {t.ToString("R", CultureInfo.InvariantCulture)} is the best so far, saving model to {model}", run.Result.OutLines);

        var file = ModelFile.Load(model);
        var (saved, notes) = (file.ToModule<float>(), file.Notes);
        Assert.Equal("bigram", notes["type"]);
        Assert.Equal("1999", notes["step"]);
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", notes["vocabulary"]);
        Assert.Equal(test[^1], double.Parse(notes["test loss"], CultureInfo.InvariantCulture));
        Assert.IsType<Bigram<float>>(saved);
    }

    [Fact]
    public void The_saved_model_is_a_model_file_that_predict_and_export_read()
    {
        string model = run.Folder.File(MakemoreTargets.ModelFileName);
        var bigram = (Bigram<float>)ModelFile.Load(model).ToModule<float>();
        var logits = bigram.Forward(Micrograd.Tensors.Tensor<float>.FromArray([5f], [1, 1])).ToArray();

        var predict = CliRunner.Run("predict", "--model", model, "5");

        Assert.True(predict.ExitCode == 0, predict.Err);
        Assert.Equal(27, predict.OutLines.Length);                  // logits of the 27 tokens after 'e', and no class line
        Assert.Equal($"output27  {logits[26].ToString("R", CultureInfo.InvariantCulture)}", predict.OutLines[26]);
        string onnx = run.Folder.File("bigram.onnx");
        var export = CliRunner.Run("export", "--model", model, "--to", onnx);
        Assert.True(export.ExitCode == 0, export.Err);
        Assert.Contains("Bigram, float32, input 'input' [batch, 1] token indices, output 'output' [batch, 1, 27]", export.Out);
        Assert.Equal(predict.Out, CliRunner.Run("predict", "--model", onnx, "5").Out);
    }

    [Fact]
    public void Ten_samples_every_200_steps_sorted_as_makemore_sorts_them()
    {
        var lines = run.Result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(); // a sample may be the empty word
        var rules = lines.Select((l, i) => (l, i)).Where(p => p.l == new string('-', 80)).Select(p => p.i).ToArray();
        Assert.Equal(2 * 9, rules.Length);                          // steps 200, 400, ..., 1800
        var words = Words.ShippedNames().ToHashSet();
        for (int b = 0; b < rules.Length; b += 2)
        {
            var block = lines[(rules[b] + 1)..rules[b + 1]];
            int at = 0, total = 0;
            foreach (var what in new[] { "in train", "in test", "new" })
            {
                var head = Regex.Match(block[at], $"^(\\d+) samples that are {what}:$");
                Assert.True(head.Success, block[at]);
                int n = int.Parse(head.Groups[1].Value, CultureInfo.InvariantCulture);
                foreach (var w in block[(at + 1)..(at + 1 + n)]) Assert.Equal(what != "new", words.Contains(w));
                at += n + 1;
                total += n;
            }
            Assert.Equal(10, total);
            Assert.Equal(block.Length, at);
        }
    }

    [Fact]
    public void The_loss_curves_are_drawn_in_the_work_dir()
    {
        Assert.Equal((LossCurves.Width, LossCurves.Height), PngFile.Size(run.Folder.File(MakemoreTargets.LossFileName)));
        Assert.Contains($"wrote {run.Folder.File(MakemoreTargets.LossFileName)}", run.Result.OutLines);
        Assert.Empty(Directory.GetFiles(run.Folder.Path, "*.tmp"));
    }

    [GeneratedRegex(@"^step (\d+) \| loss (\d+\.\d{4}) \| step time \d+\.\d\dms$")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^step (\d+) train loss: ([0-9.]+) test loss: ([0-9.]+)$")]
    private static partial Regex EvalLine();
}
