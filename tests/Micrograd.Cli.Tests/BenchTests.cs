using System.Text.Json;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd bench</c>, with few steps to stay fast. No timing is asserted.</summary>
public class BenchTests
{
    [Fact]
    public void Json_output_is_exactly_an_array_of_both_engines()
    {
        var result = CliRunner.Run("bench", "--json", "--warmup", "1", "--steps", "2");
        Assert.Equal(0, result.ExitCode);
        // Standard error holds at most the note that the tests run a Debug build; the JSON is alone on stdout.
        Assert.True(result.Err == "" || result.ErrLines is [var note] && note.StartsWith("note: this is a Debug build", StringComparison.Ordinal), result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["dynamic", "tape"], items.Select(i => i.GetProperty("engine").GetString() ?? "").ToArray());
        foreach (var item in items)
        {
            Assert.Equal(2, item.EnumerateObject().Count());
            Assert.True(item.GetProperty("ms_per_step").GetDouble() > 0);
        }
        Assert.Matches("""^\[\{"engine": "dynamic", "ms_per_step": [0-9.E+-]+\}, \{"engine": "tape", "ms_per_step": [0-9.E+-]+\}\]\r?\n$""", result.Out);
    }

    [Fact]
    public void Table_names_both_engines()
    {
        var result = CliRunner.Run("bench", "--warmup", "0", "--steps", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dynamic", result.Out);
        Assert.Contains("tape", result.Out);
        Assert.Contains("moons training step, ms", result.Out);
        Assert.Contains("median", result.Out);
        Assert.Contains("mean", result.Out);
    }

    [Fact]
    public void Bad_step_count_is_one_line() =>
        CliRunner.AssertBadInput(CliRunner.Run("bench", "--steps", "0"), "--steps");

    [Fact]
    public void Median_of_even_and_odd_counts()
    {
        Assert.Equal(2, Commands.Benchmark.Median([3, 1, 2]));
        Assert.Equal(2.5, Commands.Benchmark.Median([4, 1, 3, 2]));
    }
}
