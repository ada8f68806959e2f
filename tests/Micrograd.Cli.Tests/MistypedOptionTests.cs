using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: a mistyped option is named as unknown, with a "did you mean" where an option is close, instead of
/// being read as a value (predict --modle said "--model is required"; graph --nueron 2 drew "--nueron" as an
/// expression; --quiet after predict's --input was taken as an input).
/// </summary>
public class MistypedOptionTests
{
    [Theory]
    [InlineData(new[] { "predict", "--modle", "m.json", "1", "2" }, "error: unknown option '--modle' for 'micrograd predict'; did you mean --model? (see 'micrograd predict --help')")]
    [InlineData(new[] { "graph", "--nueron", "2" }, "error: unknown option '--nueron' for 'micrograd graph'; did you mean --neuron? (see 'micrograd graph --help')")]
    [InlineData(new[] { "train", "--lay", "16,1" }, "error: unknown option '--lay' for 'micrograd train'; did you mean --layers? (see 'micrograd train --help')")]
    [InlineData(new[] { "train", "--quite" }, "error: unknown option '--quite' for 'micrograd train'; did you mean --quiet? (see 'micrograd train --help')")]
    [InlineData(new[] { "grad", "x*y", "x=1", "y=2", "--graf", "g.dot" }, "error: unknown option '--graf' for 'micrograd grad'; did you mean --graph? (see 'micrograd grad --help')")]
    [InlineData(new[] { "train", "--learning-rate", "0.1" }, "error: unknown option '--learning-rate' for 'micrograd train' (see 'micrograd train --help')")]
    [InlineData(new[] { "trian" }, "error: unknown command 'trian'; did you mean train? (see 'micrograd --help')")]
    [InlineData(new[] { "export", "--model", "m.json", "--to", "--dtyp", "float64" }, "error: unknown option '--dtyp' for 'micrograd export'; did you mean --dtype? (see 'micrograd export --help')")]
    public void A_mistyped_option_is_named_with_the_nearest_one(string[] args, string expected)
    {
        var result = CliRunner.Run(args);
        CliRunner.AssertBadInput(result);
        Assert.Equal(expected, Assert.Single(result.ErrLines));
    }

    [Fact]
    public void An_option_after_predicts_input_is_not_taken_as_an_input()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new MLP(2, [1], rng: new Rng(1)), folder.File("m.json"), new Dictionary<string, string> { ["inputs"] = "x1,x2" });
        File.WriteAllLines(folder.File("p.csv"), ["x1,x2", "1,2"]);
        var result = CliRunner.Run("predict", "--model", folder.File("m.json"), "--input", folder.File("p.csv"), "--quiet");
        CliRunner.AssertBadInput(result, "unknown option '--quiet' for 'micrograd predict'");
    }

    [Fact]
    public void Negative_numbers_expressions_and_words_after_a_double_dash_are_still_values()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new MLP(2, [1], rng: new Rng(1)), folder.File("m.json"));
        Assert.Equal(0, CliRunner.Run("predict", "--model", folder.File("m.json"), "0.5", "-0.3").ExitCode);
        Assert.Equal("f = -x", CliRunner.Run("grad", "-x", "x=1").OutLines[0]);
        Assert.Equal("f = --x", CliRunner.Run("grad", "--", "--x", "x=1").OutLines[0]);
        Assert.Equal(0, CliRunner.Run("graph", "--neuron", "1", "--format", "dot", "--out", "-").ExitCode);
    }

    [Theory]
    [InlineData("modle", "model")]
    [InlineData("nueron", "neuron")]
    [InlineData("lay", "layers")]
    [InlineData("steps", "steps")]
    public void Nearest_takes_swaps_edits_and_beginnings(string typed, string expected) =>
        Assert.Equal("--" + expected, UnknownWords.Nearest("--" + typed, ["--model", "--neuron", "--layers", "--steps", "--seed", "--lr", "--log"]));

    [Theory]
    [InlineData("learning-rate")]
    [InlineData("x")]
    [InlineData("zzzz")]
    public void Nearest_offers_nothing_far_off(string typed) =>
        Assert.Null(UnknownWords.Nearest("--" + typed, ["--model", "--neuron", "--layers", "--steps", "--seed", "--lr", "--log"]));
}
