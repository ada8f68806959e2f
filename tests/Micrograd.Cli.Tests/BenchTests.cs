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
        var result = CliRunner.Run("bench", "--json", "--warmup", "0", "--steps", "1", "--threads", "3");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var threads = json.RootElement.EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("workload").GetString()} {r.GetProperty("engine").GetString()}", r => r.GetProperty("threads").GetInt32());
        Assert.Equal(1, threads["moons dynamic"]);
        Assert.Equal(1, threads["moons tape"]);
        Assert.Equal(3, threads["moons tensor"]);
        Assert.Equal(3, threads["mnist-mlp tensor"]);
    }

    [Fact]
    public void Table_names_every_workload_engine_and_the_allocations()
    {
        var result = CliRunner.Run("bench", "--warmup", "0", "--steps", "1");
        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "moons", "mnist-mlp", "dynamic", "tape", "tensor", "training step, ms", "median", "mean", "KB/step", "gen 0/1/2" })
            Assert.Contains(word, result.Out);
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "many")]
    [InlineData("--warmup", "-1")]
    [InlineData("--warmup", "soon")]
    public void Bad_count_is_one_line(string option, string value) =>
        CliRunner.AssertBadInput(CliRunner.Run("bench", option, value), option);

    [Fact]
    public void Median_of_even_and_odd_counts()
    {
        Assert.Equal(2, Commands.Benchmark.Median([3, 1, 2]));
        Assert.Equal(2.5, Commands.Benchmark.Median([4, 1, 3, 2]));
    }
}
