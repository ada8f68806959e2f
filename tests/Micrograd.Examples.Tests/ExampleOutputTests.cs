using System.Globalization;
using System.Text.RegularExpressions;

namespace Micrograd.Examples.Tests;

/// <summary>
/// Runs every example as a reader would and checks what it prints: that it builds and runs without a warning,
/// that the output pasted in its chapter is what it really prints, and the numbers each chapter is about.
/// </summary>
public class ExampleOutputTests
{
    public static TheoryData<string> Examples() => new(Repo.Examples());

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_builds_and_runs_cleanly(string name)
    {
        var run = await ExampleRunner.RunOk(name);
        Assert.DoesNotContain("warning", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.True(run.Lines.Count > 5, run.ToString());
    }

    /// <summary>Every ```text block of a chapter is an excerpt of its example's output: its lines appear in the
    /// output in the same order ("..." stands for lines left out). A block marked <see cref="TimingsMark"/>
    /// holds measured times, which differ from run to run: its lines must match in everything but their numbers.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Chapter_output_is_what_the_example_prints(string name)
    {
        var run = await ExampleRunner.RunOk(name);
        var blocks = Markdown.Blocks(Repo.ReadChapter(name)).Where(b => b.Info == "text" && (b.Comment is null || IsTimings(b))).ToList();
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            int at = 0;
            foreach (var line in block.Lines.Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0 && l.Trim() != "..."))
            {
                int found = IsTimings(block) ? IndexOf(run.Lines, AnyNumbers(line), at) : IndexOf(run.Lines, line, at);
                Assert.True(found >= 0,
                    $"{name}.md, output block at line {block.LineNumber}: the example does not print \"{line}\" (after its line {at}).\n{run}");
                at = found + 1;
            }
        }
    }

    /// <summary>The comment before a ```text block of measured times.</summary>
    public const string TimingsMark = "<!-- timings: measured on the project's machine; the numbers differ from run to run -->";

    private static bool IsTimings(CodeBlock block) => block.Comment == TimingsMark;

    // The line as a pattern in which every number may be any number.
    private static Regex AnyNumbers(string line) =>
        new("^" + string.Join(@"\d[\d,]*(?:\.\d+)?", Regex.Split(line, @"\d[\d,]*(?:\.\d+)?").Select(Regex.Escape)) + "$");

    [Fact]
    public void A_timing_line_matches_in_everything_but_its_numbers()
    {
        var line = AnyNumbers("  time per step: dynamic engine 776.0 ms, tensor engine 24.086 ms, 32 times faster");
        Assert.Matches(line, "  time per step: dynamic engine 1,042.5 ms, tensor engine 0.310 ms, 3363 times faster");
        Assert.DoesNotMatch(line, "  time per step: dynamic engine 776.0 s, tensor engine 24.086 ms, 32 times faster");
        Assert.DoesNotMatch(line, "  time per step: dynamic engine 776.0 ms, tensor engine 24.086 ms, 32 times slower");
    }

    [Fact]
    public async Task Derivative_slope_at_3_is_about_14_until_h_is_too_small()
    {
        var run = await ExampleRunner.RunOk("01-derivative");
        Assert.Equal(14.003, Number(run, @"\(f\(x \+ h\) - f\(x\)\) / h = (?<n>\S+)"), 6);
        Assert.Equal(14.0, Number(run, @"^\s+1e-06\s+(?<n>\S+)"), 5);
        Assert.Equal(0.0, Number(run, @"^\s+1e-16\s+(?<n>\S+)"));
        Assert.Equal(-3.0, Number(run, @"dd/da = (?<n>\S+)"), 4);
        Assert.Equal(2.0, Number(run, @"dd/db = (?<n>\S+)"), 4);
    }

    [Fact]
    public async Task Expression_graph_is_printed_and_written_as_dot()
    {
        var run = await ExampleRunner.RunOk("02-expression-graph");
        Assert.Contains("L = Value(data=-8.0, grad=0.0)", run.Lines);
        Assert.Contains("L = -8.0   (made by *)", run.Lines);
        string dot = File.ReadAllText(Path.Combine(Repo.Root, "out", "02-expression-graph.dot"));
        Assert.StartsWith("digraph G {", dot);
        Assert.Contains("{ L | data -8.0000 | grad 0.0000 }", dot);
        if (run.Output.Contains("Rendered out/02-expression-graph.svg", StringComparison.Ordinal))
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(Repo.Root, "out", "02-expression-graph.svg")));
        else
            Assert.Contains("Install Graphviz", run.Output);
    }

    [Fact]
    public async Task Manual_backprop_matches_the_numerical_estimate_and_Backward()
    {
        var run = await ExampleRunner.RunOk("03-manual-backprop");
        var expected = new Dictionary<string, double> { ["L"] = 1, ["d"] = -2, ["f"] = 4, ["e"] = -2, ["c"] = -2, ["a"] = 6, ["b"] = -4 };
        foreach (var (node, grad) in expected)
        {
            var m = Match(run, $@"^{node}\s+(?<hand>\S+)\s+(?<num>\S+)$");
            Assert.Equal(grad, Parse(m.Groups["hand"].Value), 4);
            Assert.Equal(grad, Parse(m.Groups["num"].Value), 3);
            Assert.Equal(grad, Number(run, $@"^\s+{node} = Value\(data=\S+, grad=(?<n>\S+)\)"), 12);
        }
        Assert.Equal(-7.286496, Number(run, @"\): L = (?<n>\S+) \(was"), 6);
    }

    [Fact]
    public async Task Neuron_gives_the_lectures_gradients_three_ways()
    {
        var run = await ExampleRunner.RunOk("04-neuron");
        Assert.Equal(0.7071, Number(run, @"o = tanh\(n\) = (?<n>\S+)"), 4);
        var x1 = Numbers(run, @"x1\.Grad = +(?<n>\S+)");
        var w1 = Numbers(run, @"w1\.Grad = +(?<n>\S+)");
        var x2 = Numbers(run, @"x2\.Grad = +(?<n>\S+)");
        var w2 = Numbers(run, @"w2\.Grad = +(?<n>\S+)");
        Assert.Equal([-1.5, -1.5, -1.5], x1);
        Assert.Equal([1.0, 1.0, 1.0], w1);
        Assert.Equal([0.5, 0.5, 0.5], x2);
        Assert.Equal([0.0, 0.0, 0.0], w2);
    }

    [Fact]
    public async Task Gradients_accumulate_when_a_node_is_used_twice()
    {
        var run = await ExampleRunner.RunOk("05-automatic-backward");
        Assert.Contains("   x1, w1, x1*w1, x2, w2, x2*w2, x1*w1 + x2*w2, b, n, o", run.Lines);
        Assert.Equal([-1.5, -1.5], Numbers(run, @"x1\.Grad = (?<n>[^,]+),"));
        Assert.Equal(1.0, Number(run, @"with operand\.Grad  = \.\.\.: a\.Grad = (?<n>\S+) "));
        Assert.Equal(2.0, Number(run, @"with operand\.Grad \+= \.\.\.: a\.Grad = (?<n>\S+)$"));
        Assert.Equal(2.0, Number(run, @"with b\.Backward\(\): +a\.Grad = (?<n>\S+)$"));
        Assert.Equal(3.0, Number(run, @"with operand\.Grad  = \.\.\.: a\.Grad = (?<n>\S+), b\.Grad"));
        Assert.Equal(-3.0, Number(run, @"with f\.Backward\(\): +a\.Grad = (?<n>\S+),"));
        Assert.Equal(-8.0, Number(run, @"with f\.Backward\(\): +a\.Grad = \S+, b\.Grad = (?<n>\S+)$"));
        Assert.Equal(1.0, Number(run, @"1,000,000 additions: chain\.Data = \S+, x\.Grad = (?<n>\S+)$"));
    }

    [Fact]
    public async Task Tanh_from_smaller_ops_gives_the_same_gradients()
    {
        var run = await ExampleRunner.RunOk("06-tanh-decomposed");
        var rows = run.Lines.Where(l => l.StartsWith("   o = ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0], r));
        Assert.Contains("x1.Grad = -1.5000   w1.Grad = 1.0000   x2.Grad = 0.5000   w2.Grad = 0.0000", rows[0]);
        Assert.Contains("   worst relative error below 1e-6: True", run.Lines);
    }

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
        var first = Match(run, @"^\s+0\s+(?<a>\S+)\s+#+\s+\S+\s+(?<b>\S+)");
        Assert.Equal(first.Groups["a"].Value, first.Groups["b"].Value); // both runs start from the same weights
        var weights = Match(run, @"Largest \|weight\| after 100 steps: (?<with>\S+) with ZeroGrad, (?<without>\S+) without");
        Assert.True(Parse(weights.Groups["without"].Value) > 10 * Parse(weights.Groups["with"].Value), run.ToString());
    }

    [Fact]
    public async Task Moons_reach_100_percent_and_yinyang_trains_with_validation()
    {
        var run = await ExampleRunner.RunOk("10-moons-and-yinyang");
        Assert.Contains("Final training accuracy: 100%", run.Lines);
        double moonsLoss = Number(run, @"^step 99 loss (?<n>[^,]+),");
        Assert.Equal(moonsLoss, Number(run, @"Trainer\(Presets\.Moons\)\.Run\(\): last step's loss (?<n>[^,]+),"));
        Assert.Contains(run.Lines, l => l.Contains("Presets.Moons", StringComparison.Ordinal) && l.EndsWith("final accuracy 100%", StringComparison.Ordinal));

        var validation = Numbers(run, @"^step +\d+ training loss \S+, validation loss (?<n>\S+)$");
        Assert.Equal(10, validation.Count);
        Assert.True(validation[^1] < validation[0] / 5, string.Join(", ", validation));
        double yinYangLoss = Number(run, @"^step 99 training loss (?<n>\S+)$");
        Assert.True(yinYangLoss < 0.1, $"Expected the yin-yang training loss below 0.1, got {yinYangLoss}.");
        Assert.Equal(yinYangLoss, Number(run, @"Trainer\(Presets\.YinYang\)\.Run\(\): last step's loss (?<n>[^,]+),"));
        var accuracy = Match(run, @"^Final accuracy: training (?<train>\d+)%, validation (?<val>\d+)%, test (?<test>\d+)%$");
        Assert.True(Parse(accuracy.Groups["train"].Value) >= 95, run.ToString());
        Assert.Contains(run.Lines, l => l.Contains("the points: x is -1, o is +1", StringComparison.Ordinal));
    }

    private static int IndexOf(IReadOnlyList<string> lines, string line, int from)
    {
        for (int i = from; i < lines.Count; i++) if (lines[i] == line) return i;
        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> lines, Regex line, int from)
    {
        for (int i = from; i < lines.Count; i++) if (line.IsMatch(lines[i])) return i;
        return -1;
    }

    [Fact]
    public async Task Arrays_give_the_numbers_of_Values_and_train_digits_to_97_percent()
    {
        var run = await ExampleRunner.RunOk("11-from-numbers-to-arrays");
        Assert.Equal(Match(run, @"W\.Grad from Backward +(?<m>.+)$").Groups["m"].Value, Match(run, @"Xᵀ·G by hand +(?<m>.+)$").Groups["m"].Value);
        Assert.Equal(Match(run, @"b\.Grad from Backward +(?<m>.+)$").Groups["m"].Value, Match(run, @"G summed over the batch +(?<m>.+)$").Groups["m"].Value);

        var steps = run.Lines.Select(l => Regex.Match(l, @"^ +\d+  (?<a>\S+) +(?<b>\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(5, steps.Count);
        Assert.All(steps, m => Assert.Equal(m.Groups["a"].Value, m.Groups["b"].Value));
        var weights = Match(run, @"MLP (?<a>\S+), TensorMLP (?<b>\S+)$");
        Assert.Equal(weights.Groups["a"].Value, weights.Groups["b"].Value);
        var step = Match(run, @"on 64 digits: loss (?<a>\S+) \(Values\), (?<b>\S+) \(arrays\)$");
        Assert.Equal(step.Groups["a"].Value, step.Groups["b"].Value);
        Assert.True(Number(run, @"tensor engine \S+ ms, (?<n>\S+) times faster") > 1, run.ToString());

        Assert.True(Number(run, @"^Validation accuracy after 500 steps: (?<n>[\d.]+)%$") >= 97, run.ToString());
        Assert.Equal(Number(run, @"^step 499 loss (?<n>[^,]+),"), Number(run, @"Trainer\(Presets\.Digits\)\.Run\(\): last step's loss (?<n>\S+)$"));
    }

    private static Match Match(ExampleRun run, string pattern)
    {
        var regex = new Regex(pattern);
        foreach (var line in run.Lines)
        {
            var m = regex.Match(line);
            if (m.Success) return m;
        }
        Assert.Fail($"No line of the output matches /{pattern}/.\n{run}");
        return null!;
    }

    private static double Number(ExampleRun run, string pattern) => Parse(Match(run, pattern).Groups["n"].Value);

    private static List<double> Numbers(ExampleRun run, string pattern)
    {
        var regex = new Regex(pattern);
        return run.Lines.Select(l => regex.Match(l)).Where(m => m.Success).Select(m => Parse(m.Groups["n"].Value)).ToList();
    }

    private static double Parse(string s) => double.Parse(s.TrimEnd(','), NumberStyles.Float, CultureInfo.InvariantCulture);

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
