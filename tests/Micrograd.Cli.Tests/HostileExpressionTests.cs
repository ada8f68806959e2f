namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 9 for <c>grad</c> and <c>graph</c>: the issue's hostile expressions and numbers get one error line
/// (with the caret lines) and exit 1; the numerical check steps relative to |x|; a failing Graphviz program is
/// reported by its exit code and its own words.
/// </summary>
public class HostileExpressionTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string> IssueExamples => new()
    {
        "x" + Repeat("+x", 19_999),                        // a sum of 20,000 terms
        Repeat("(", 10_000) + "x" + Repeat(")", 10_000),     // 10,000 nested parentheses
        Repeat("-", 60_000) + "x",                           // 60,000 unary minus signs
        Repeat("exp(", 20_000) + "x" + Repeat(")", 20_000),  // exp( nested 20,000 deep
    };

    private static void AssertRefused(CliResult result, string mention)
    {
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(3, result.ErrLines.Length); // the error line and the two caret lines
        Assert.StartsWith("error: ", result.ErrLines[0]);
        Assert.Contains(mention, result.ErrLines[0]);
        Assert.All(result.ErrLines, line => Assert.True(line.Length < 200, line));
    }

    [Theory]
    [MemberData(nameof(IssueExamples))]
    public void Grad_refuses_what_is_too_long_in_one_line(string expression) =>
        AssertRefused(CliRunner.Run("grad", expression, "x=1"), "at most 10000 characters");

    [Theory]
    [MemberData(nameof(IssueExamples))]
    public void Graph_refuses_what_is_too_long_in_one_line(string expression) =>
        AssertRefused(CliRunner.Run("graph", expression, "x=1", "--format", "dot", "--out", "-"), "at most 10000 characters");

    [Fact]
    public void Grad_refuses_nesting_beyond_the_limit() =>
        AssertRefused(CliRunner.Run("grad", Repeat("exp(", 201) + "x" + Repeat(")", 201), "x=1"), "nested at most 200 deep");

    [Fact]
    public void Grad_differentiates_the_longest_and_deepest_expressions_accepted()
    {
        var sum = CliRunner.Run("grad", "x" + Repeat("+x", 4_999), "x=1");
        Assert.True(sum.ExitCode == 0, sum.Err);
        Assert.Contains(sum.OutLines, l => l.StartsWith("df/dx  5000 ", StringComparison.Ordinal));

        var deep = CliRunner.Run("grad", Repeat("(", 199) + "-x" + Repeat(")", 199), "x=2");
        Assert.True(deep.ExitCode == 0, deep.Err);
        Assert.Contains(deep.OutLines, l => l.StartsWith("df/dx  -1 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("x=1e-400", "too small")]
    [InlineData("x=1e999", "too large")]
    public void A_value_a_double_cannot_hold_is_refused_not_changed(string assignment, string mention) =>
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x", assignment), "expected a number for x", mention);

    [Fact]
    public void A_literal_that_would_become_zero_is_refused_with_a_caret()
    {
        var result = CliRunner.Run("grad", "x + 1e-400", "x=1");
        AssertRefused(result, "got '1e-400': too small");
        Assert.Equal("      ^", result.ErrLines[2]);
    }

    [Fact]
    public void A_subnormal_value_is_kept()
    {
        var result = CliRunner.Run("grad", "x*2", "x=1e-310");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("value  2E-310", result.OutLines);
    }

    [Theory]
    [InlineData("x=1e10")]
    [InlineData("x=-3e15")]
    [InlineData("x=1e-10")]
    public void The_numerical_check_steps_relative_to_x_so_large_values_are_not_flagged(string assignment)
    {
        var result = CliRunner.Run("grad", "x*x", assignment);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.DoesNotContain("(!)", result.Out);
    }

    [Fact]
    public void Graph_refuses_a_huge_neuron_before_building_it_saying_the_limit() =>
        CliRunner.AssertBadInput(CliRunner.Run("graph", "--neuron", "20000000", "--out", "-", "--format", "dot"),
            "--neuron 20000000", "80000002 values", "limit of 500", "--max-nodes", "100000");

    [Fact]
    public void Max_nodes_has_a_ceiling() =>
        CliRunner.AssertBadInput(CliRunner.Run("graph", "--neuron", "2", "--max-nodes", "2000000000"),
            "--max-nodes", "from 1 to 100000");

    [Theory]
    [InlineData("2")]      // a small graph: dot may exit before or after reading it
    [InlineData("3000")]   // 12,002 values, more DOT text than a pipe holds: writing it meets a closed pipe
    public void A_failing_dot_program_is_reported_by_its_exit_code_and_its_words(string inputs)
    {
        using var folder = new TempFolder();
        string fake = FailingDot(folder);

        var result = CliRunner.Run("graph", "--neuron", inputs, "--max-nodes", "20000", "--dot", fake, "--out", folder.File("g.svg"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("failed (exit code 3): Error: syntax error in line 1", line);
        Assert.DoesNotContain("pipe", line, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(folder.File("g.svg")));
    }

    // A stand-in for dot that prints Graphviz's words for a syntax error and exits with 3: a shell script, or a
    // batch file on Windows.
    private static string FailingDot(TempFolder folder)
    {
        if (OperatingSystem.IsWindows())
        {
            string batch = folder.File("fake-dot.cmd");
            File.WriteAllText(batch, "@echo Error: syntax error in line 1 1>&2\r\n@exit /b 3\r\n");
            return batch;
        }
        string script = folder.File("fake-dot");
        File.WriteAllText(script, "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
