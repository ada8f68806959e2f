namespace Micrograd.Cli.Tests;

/// <summary>The command line as a whole: help, unknown commands, exit codes.</summary>
public class CliTests
{
    [Fact]
    public void No_arguments_shows_help()
    {
        var result = CliRunner.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("micrograd [command] [options]", result.Out);
        foreach (var command in new[] { "train", "graph", "grad", "predict", "bench" }) Assert.Contains(command, result.Out);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("graph")]
    [InlineData("grad")]
    [InlineData("predict")]
    [InlineData("bench")]
    public void Every_command_has_help(string command)
    {
        var result = CliRunner.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"micrograd {command}", result.Out);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Train_help_states_the_defaults()
    {
        var help = CliRunner.Run("train", "--help").Out;
        foreach (var option in new[] { "--preset", "--dataset", "--label", "--layers", "--activation", "--loss", "--optimizer", "--lr", "--steps", "--batch-size", "--seed", "--out", "--quiet", "--log", "--engine", "--precision" })
            Assert.Contains(option, help);
        Assert.Contains("out/moons", help);
        Assert.Contains("16,16,1", help);
        Assert.Contains("1337", help);
    }

    [Fact]
    public void Unknown_command_is_one_line() =>
        CliRunner.AssertBadInput(CliRunner.Run("trian"), "'trian'", "micrograd --help");

    [Fact]
    public void Missing_option_value_is_one_line() =>
        CliRunner.AssertBadInput(CliRunner.Run("train", "--steps"), "--steps");
}
