using System.Text.Json;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd bench</c>, with few steps to stay fast. No timing is asserted.</summary>
public class BenchTests
{
    [Fact]
    public void Json_output_is_exactly_one_row_per_workload_and_engine()
    {
        var result = CliRunner.Run("bench", "--json", "--warmup", "0", "--steps", "2", "--threads", "1");
        Assert.Equal(0, result.ExitCode);
        // Standard error holds at most the note that the tests run a Debug build; the JSON is alone on stdout.
        Assert.True(result.Err == "" || result.ErrLines is [var note] && note.StartsWith("note: this is a Debug build", StringComparison.Ordinal), result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            ["moons dynamic", "moons tape", "moons tensor", "mnist-mlp tensor"],
            rows.Select(r => $"{r.GetProperty("workload").GetString()} {r.GetProperty("engine").GetString()}").ToArray());
        foreach (var row in rows)
        {
            Assert.Equal(["workload", "engine", "threads", "ms_per_step"], row.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(1, row.GetProperty("threads").GetInt32());
            Assert.True(row.GetProperty("ms_per_step").GetDouble() > 0);
        }
        Assert.Matches("""^\[(\{"workload": "[a-z-]+", "engine": "[a-z]+", "threads": 1, "ms_per_step": [0-9.E+-]+\}(, )?){4}\]\r?\n$""", result.Out);
    }

    [Fact]
    public void Threads_apply_to_the_tensor_engine_only()
    {
        int processors = Environment.ProcessorCount;
        var result = CliRunner.Run("bench", "--json", "--warmup", "0", "--steps", "1", "--threads", $"{processors}");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var threads = json.RootElement.EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("workload").GetString()} {r.GetProperty("engine").GetString()}", r => r.GetProperty("threads").GetInt32());
        Assert.Equal(1, threads["moons dynamic"]);
        Assert.Equal(1, threads["moons tape"]);
        Assert.Equal(processors, threads["moons tensor"]);
        Assert.Equal(processors, threads["mnist-mlp tensor"]);
    }

    [Fact]
    public void Table_names_every_workload_engine_and_the_allocations()
    {
        var result = CliRunner.Run("bench", "--warmup", "0", "--steps", "1");
        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "moons", "mnist-mlp", "dynamic", "tape", "tensor", "training step, ms", "median", "mean", "KB/step", "GC/100 steps", "generations 0/1/2" })
            Assert.Contains(word, result.Out);
    }

    [Fact]
    public void The_table_fits_80_columns_one_line_per_row()
    {
        // Issue 21: the GC column wrapped at 80 columns (the width of redirected output), doubling every row.
        var result = CliRunner.Run("bench", "--warmup", "0", "--steps", "1");
        Assert.Equal(0, result.ExitCode);
        var table = result.OutLines.Where(l => l.StartsWith('│') || l.StartsWith('┌') || l.StartsWith('└') || l.StartsWith('├')).ToArray();
        Assert.All(table, l => Assert.True(l.Length <= 80, $"{l.Length} characters: {l}"));
        Assert.Equal(1 + 4, table.Count(l => l.StartsWith('│'))); // the header and one line per workload and engine
        Assert.Matches(@"^│ moons +│ dynamic │ +1 │ +[0-9.]+ │ +[0-9.]+ │ +[0-9.]+ │ +[0-9.]+/[0-9.]+/[0-9.]+ │$", table.Single(l => l.Contains("dynamic")));
    }

    [Theory]
    [InlineData(0.0451234, "0.045")]
    [InlineData(2.80449, "2.804")]
    [InlineData(13.987, "13.99")]
    [InlineData(162.889, "162.9")]
    [InlineData(1162.889, "1163")]
    [InlineData(99999.4, "99999")]
    public void Table_numbers_keep_four_digits_in_five_characters(double x, string expected) =>
        Assert.Equal(expected, Commands.BenchCommand.Compact(x));

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "many")]
    [InlineData("--warmup", "-1")]
    [InlineData("--warmup", "soon")]
    public void Bad_count_is_one_line(string option, string value) =>
        CliRunner.AssertBadInput(CliRunner.Run("bench", option, value), option);

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue - 1)]
    public void More_threads_than_processors_are_refused_not_reported(int beyond)
    {
        // Issue 21: --threads 2147483647 was printed in the table, though no more threads than processors ran.
        int processors = Environment.ProcessorCount;
        string asked = ((long)processors + beyond).ToString(System.Globalization.CultureInfo.InvariantCulture);
        CliRunner.AssertBadInput(CliRunner.Run("bench", "--threads", asked),
            $"--threads: expected a whole number from 1 to {processors} (this machine has {processors} processor", $"got '{asked}'");
    }

    [Fact]
    public void Steps_beyond_the_limit_are_one_line_not_an_out_of_memory()
    {
        CliRunner.AssertBadInput(CliRunner.Run("bench", "--steps", "2147483647"), $"--steps: expected a whole number from 1 to {Commands.BenchCommand.MaxSteps}, got '2147483647'");
    }

    [Fact]
    public void Median_of_even_and_odd_counts()
    {
        Assert.Equal(2, Commands.Benchmark.Median([3, 1, 2]));
        Assert.Equal(2.5, Commands.Benchmark.Median([4, 1, 3, 2]));
    }
}
