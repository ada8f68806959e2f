using System.Text.RegularExpressions;
using static Micrograd.Examples.Tests.Printed;

namespace Micrograd.Examples.Tests;

/// <summary>The numbers chapters 7 to 9 talk about (PyTorch, the network classes, the training loop), as their
/// examples print them.</summary>
public class NetworkChapterTests
{
    /// <summary>The chapter pastes PyTorch's output; the example prints the same lines from Micrograd. They
    /// agree to about 1e-15 (tanh's last bit differs between PyTorch and the C library .NET uses).</summary>
    [Fact]
    public async Task Micrograd_prints_what_PyTorch_printed()
    {
        var run = await ExampleRunner.RunOk("07-pytorch-comparison");
        var torch = Markdown.Blocks(Repo.ReadChapter("07-pytorch-comparison"))
            .Single(b => b.Comment?.Contains("tutorial_pytorch_neuron.py", StringComparison.Ordinal) == true);
        var ours = NameValueLines(run.Lines);
        var theirs = NameValueLines(torch.Lines);
        Assert.True(theirs.Count >= 20, $"Expected the PyTorch output's numbers in the chapter, found {theirs.Count}.");
        foreach (var ((section, name), value) in theirs)
        {
            Assert.True(ours.TryGetValue((section, name), out double mine), $"The example prints no \"{name}\" in section {section}.");
            Assert.True(Math.Abs(mine - value) <= 1e-12 * Math.Max(1, Math.Abs(value)), $"{name}: Micrograd {mine}, PyTorch {value}.");
        }
        Assert.Equal(0.7071067811865476, theirs[(1, "o")], 15);
        Assert.Equal(-1.5, ours[(1, "x1.grad")], 12);
    }

    /// <summary>The output pasted in chapter 7 is what tools/reference/tutorial_pytorch_neuron.py prints, as
    /// recorded in its fixture (tests/Micrograd.Tests/fixtures/tutorial_pytorch_neuron.json, written by
    /// tools/reference/tutorial_output.py), so that the check needs no Python.</summary>
    [Fact]
    public void Pytorch_output_in_chapter_7_is_what_the_script_prints()
    {
        using var fixture = Repo.ReadFixture("tutorial_pytorch_neuron.json");
        var printed = fixture.RootElement.GetProperty("output").EnumerateArray().Select(l => l.GetString()!.TrimEnd()).ToList();
        Assert.True(printed.Count >= 20, $"Expected the script's output in tutorial_pytorch_neuron.json, found {printed.Count} lines.");

        var pasted = Markdown.Blocks(Repo.ReadChapter("07-pytorch-comparison"))
            .Single(b => b.Comment?.Contains("tutorial_pytorch_neuron.py", StringComparison.Ordinal) == true);
        Assert.Equal(string.Join("\n", printed).TrimEnd(), string.Join("\n", pasted.Lines.Select(l => l.TrimEnd())).TrimEnd());
    }

    /// <summary>The lecture's MLP on its first example gives PyTorch's output (the first case of
    /// tests/Micrograd.Tests/fixtures/nn_golden.json, written by tools/reference/nn_golden.py).</summary>
    [Fact]
    public async Task Lecture_MLP_has_41_parameters_and_gives_PyTorchs_output()
    {
        var run = await ExampleRunner.RunOk("08-mlp");
        Assert.Equal(41, Number(run, @"^Parameters: (?<n>\d+)$"));
        Assert.Equal(3, Number(run, @"^TanhNeuron\(2\): (?<n>\d+) parameters$"));
        Assert.Equal(9, Number(run, @"^Layer of .*: (?<n>\d+) parameters$"));
        Assert.Contains(run.Lines, l => l.StartsWith("MLP of [Layer of [TanhNeuron(3), TanhNeuron(3), TanhNeuron(3), TanhNeuron(3)]", StringComparison.Ordinal));
        double output = Number(run, @"model\.Forward\(\[2, 3, -1\]\) = Value\(data=(?<n>[^,]+),");
        using var golden = Repo.ReadFixture("nn_golden.json");
        var lecture = golden.RootElement.GetProperty("cases")[0];
        Assert.StartsWith("lecture tanh MLP(3,[4,4,1])", lecture.GetProperty("name").GetString());
        Assert.Equal(1337, lecture.GetProperty("seed").GetInt32()); // Rng.DefaultSeed, as in the example
        Assert.Equal([2.0, 3.0, -1.0], lecture.GetProperty("inputs")[0].EnumerateArray().Select(e => e.GetDouble()));
        double pytorch = lecture.GetProperty("outputs")[0][0].GetDouble();
        Assert.True(Math.Abs(output - pytorch) <= 1e-12, $"model.Forward([2, 3, -1]): Micrograd {output:R}, PyTorch {pytorch:R}.");
        Assert.Contains(run.Lines, l => l.EndsWith("parameters with a nonzero gradient: 41 of 41", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Training_loop_brings_the_lecture_loss_below_0_01_and_shows_the_zero_grad_bug()
    {
        var run = await ExampleRunner.RunOk("09-training-loop");
        double final = Number(run, @"^Final loss with ZeroGrad: (?<n>[^,]+),");
        Assert.True(final < 0.01, $"Expected the lecture's loss below 0.01, got {final}.");
        Assert.Equal(final, Number(run, @"Trainer\(Presets\.Lecture\)\.Run\(\) ends at loss (?<n>\S+)$"));
        var first = Match(run, @"^\s+0\s+(?<a>\S+)\s+\S+\s+(?<b>\S+)\s+\S+$");
        Assert.Equal(first.Groups["a"].Value, first.Groups["b"].Value); // both runs start from the same weights
        var weights = Match(run, @"Largest \|weight\| after 100 steps: (?<with>\S+) with ZeroGrad, (?<without>\S+) without");
        Assert.True(Parse(weights.Groups["without"].Value) > 10 * Parse(weights.Groups["with"].Value), run.ToString());

        // Without ZeroGrad every parameter keeps moving, the one with the largest summed Grad by 0.35 a step.
        double summed = Number(run, @"the summed Grad it kept stepping with was (?<n>\S+)\.$");
        var moving = Match(run, @"still moves (?<moving>\d+) of the (?<all>\d+) parameters: by 0\.05 × \|Grad\|, from (?<min>\S+) to (?<max>\S+)\.$");
        Assert.Equal(moving.Groups["all"].Value, moving.Groups["moving"].Value);
        Assert.True(Parse(moving.Groups["min"].Value) > 0, run.ToString());
        Assert.Equal(0.05 * summed, Parse(moving.Groups["max"].Value), 4);
        Quoted("09-training-loop", $"the largest at {summed:F2}, so that its parameter keeps moving by 0.05 × {summed:F2} = {0.05 * summed:F2} every step");
        Quoted("09-training-loop", $"every one of the {moving.Groups["all"].Value} keeps moving");
    }

    [Fact]
    public async Task Learning_rates_too_small_and_too_large_show_in_the_loss()
    {
        var run = await ExampleRunner.RunOk("09-training-loop");
        var header = Match(run, @"^step +(?<rates>(?:lr \S+ *)+)$").Groups["rates"].Value;
        var rates = header.Split("lr ", StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Equal([0.005, 0.05, 0.2, 0.5, 1.0], rates);
        var table = new Dictionary<int, double[]>();
        foreach (var line in run.Lines.SkipWhile(l => !l.StartsWith("The loss at each learning rate", StringComparison.Ordinal)).Skip(2))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^ *(?<k>\d+)(?<losses>(?: +\S+){5})$");
            if (!m.Success) break;
            table[int.Parse(m.Groups["k"].Value)] = [.. m.Groups["losses"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse)];
        }
        Assert.Equal([0, 1, 2, 3, 5, 10, 20, 50, 99], table.Keys);
        // The preset's column is the loop written out above.
        Assert.Equal(Math.Round(Number(run, @"^ +99 +(?<n>\S+) "), 4), table[99][1]);

        // Too small: still above 0.1 after 100 steps, about where 0.05 was after 10.
        Assert.True(table[99][0] > 0.1 && Math.Abs(table[99][0] - table[10][1]) < 0.01, run.ToString());
        Quoted("09-training-loop", $"the loss is still {table[99][0]:F4}, where 0.05 was after about ten");
        // 0.2 jumps back up at step 2, 0.5 climbs above its start, 1.0 is stuck at 8.
        Assert.True(table[2][2] > table[1][2] && table[99][2] < table[99][1], run.ToString());
        Quoted("09-training-loop", $"the loss jumps from {table[1][2]:F2} back up to {table[2][2]:F2}");
        Assert.True(table[5][3] > table[0][3] && table[99][3] < 0.01, run.ToString());
        Quoted("09-training-loop", $"to {table[5][3]:F2} at step 5");
        Assert.Equal(8.0, table[99][4]);
        Quoted("09-training-loop", "The loss settles at 8.0000 and stays there");
        var stuck = Match(run, @"^At lr 1\.0, after 100 steps: predictions \[(?<p>[^\]]+)\], largest \|Grad\| (?<g>\S+)$");
        Assert.All(stuck.Groups["p"].Value.Split(", ").Select(Parse), p => Assert.Equal(-1.0, p));
        Assert.True(Parse(stuck.Groups["g"].Value) < 1e-5, run.ToString());
        Quoted("09-training-loop", $"the largest gradient left to fix them is {stuck.Groups["g"].Value}");
    }

    // Lines "name number" (as PyTorch's script and example 07 print them), keyed by section number and name.
    private static Dictionary<(int Section, string Name), double> NameValueLines(IEnumerable<string> lines)
    {
        var result = new Dictionary<(int, string), double>();
        int section = 0;
        var pattern = new Regex(@"^(?<name>[A-Za-z][\w.\[\]]*) (?<value>-?\d[\d.eE+-]*)$");
        foreach (var line in lines)
        {
            if (Regex.IsMatch(line, @"^\d\. ")) section = line[0] - '0';
            var m = pattern.Match(line.Trim());
            if (m.Success) result[(section, m.Groups["name"].Value)] = Parse(m.Groups["value"].Value);
        }
        return result;
    }
}
