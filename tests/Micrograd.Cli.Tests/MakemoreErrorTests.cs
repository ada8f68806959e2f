using Micrograd.Cli.Makemore;
using Micrograd.Language;

namespace Micrograd.Cli.Tests;

/// <summary>Bad input to <c>makemore</c>: one error line, exit code 1, nothing written.</summary>
public class MakemoreErrorTests
{
    private static CliResult Run(TempFolder folder, params string[] args) =>
        CliRunner.Run(["makemore", "-o", folder.File("work"), .. args.Select(a => a.Replace("{dir}", folder.Path))]);

    private static void Refused(string[] args, params string[] mentions)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("empty.txt"), "");
        File.WriteAllText(folder.File("blank.txt"), "\n  \n\t\n");
        File.WriteAllText(folder.File("long.txt"), string.Join('\n', Enumerable.Repeat("anna", 10)) + "\n" + new string('x', Words.MaxWordLength + 1));
        File.WriteAllText(folder.File("wide.txt"), string.Join('\n', Enumerable.Range(0, Words.MaxCharacters + 1).Select(i => char.ConvertFromUtf32(0x4E00 + i))));
        File.WriteAllText(folder.File("few.txt"), "anna\nbob\n");
        var result = Run(folder, args);
        CliRunner.AssertBadInput(result, mentions);
        Assert.False(Directory.Exists(folder.File("work")), "nothing is written for bad input");
    }

    [Fact]
    public void An_empty_file() => Refused(["-i", "{dir}/empty.txt"], "--input-file", "is empty");

    [Fact]
    public void A_file_with_no_usable_line() => Refused(["-i", "{dir}/blank.txt"], "--input-file", "has no usable line");

    [Fact]
    public void A_line_too_long() => Refused(["-i", "{dir}/long.txt"], "--input-file", "line 11", $"at most {Words.MaxWordLength} characters");

    [Fact]
    public void A_vocabulary_too_large() => Refused(["-i", "{dir}/wide.txt"], "--input-file", $"at most {Words.MaxCharacters} distinct characters");

    [Fact]
    public void Too_few_words() => Refused(["-i", "{dir}/few.txt"], "--input-file", "at least 10 words", "got 2");

    [Fact]
    public void A_missing_file() => Refused(["-i", "{dir}/nope.txt"], "--input-file", "no such file", "nope.txt");

    [Theory]
    [InlineData("lstm", "--type", "bigram, mlp, rnn, gru, bow or transformer")]
    public void An_unknown_type(string type, params string[] mentions) => Refused(["--type", type], mentions);

    [Theory]
    [InlineData("0")]
    [InlineData("28")]
    [InlineData("-2")]
    public void A_top_k_outside_the_vocabulary(string k) => Refused(["--type", "bigram", "--top-k", k], "--top-k");

    [Fact]
    public void Heads_that_do_not_divide_the_embedding() => Refused(["--n-head", "5"], "--n-head", "divides --n-embd (64)", "got 5");

    [Fact]
    public void A_model_beyond_the_parameter_limit() => Refused(["--type", "mlp", "--n-embd2", "5000"], $"more than {MakemoreRun.MaxParameters:N0} parameters");

    [Fact]
    public void A_batch_beyond_the_token_limit() => Refused(["-b", "100000"], "--batch-size", $"{MakemoreRun.MaxBatchTokens:N0} tokens");

    [Fact]
    public void More_threads_than_processors() => Refused(["--threads", (Environment.ProcessorCount + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], "--threads", "processors");

    [Theory]
    [InlineData("--seed", "0")]
    [InlineData("--learning-rate", "0")]
    [InlineData("-w", "-1")]
    [InlineData("--max-steps", "-2")]
    [InlineData("--precision", "float16")]
    public void Bad_numbers(string option, string value) => Refused([option, value], option);

    [Fact]
    public void Sample_only_without_a_model() => Refused(["--sample-only"], "--sample-only", "train one first");

    [Fact]
    public void Resume_with_flags_that_make_another_model()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Run(folder, "--type", "bigram", "--max-steps", "1").ExitCode);
        var before = File.ReadAllBytes(folder.File("work/model.json"));
        var result = Run(folder, "--type", "mlp", "--resume");
        CliRunner.AssertBadInput(result, "--resume", "holds a bigram with vocab_size=27", "make an mlp");
        Assert.Equal(before, File.ReadAllBytes(folder.File("work/model.json")));
    }

    [Fact]
    public void Resume_on_other_characters()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("other.txt"), string.Join('\n', Enumerable.Range(0, 20).Select(i => new string((char)('A' + i % 26), 1 + i % 15) + "abcdefghijklmnopqrstuvwxy"[..(i % 2)])));
        Assert.Equal(0, Run(folder, "--type", "bigram", "--max-steps", "1").ExitCode);
        var result = Run(folder, "--type", "bigram", "--resume", "-i", "{dir}/other.txt");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    [Fact]
    public void A_work_dir_that_is_a_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("work"), "mine");
        var result = Run(folder, "--type", "bigram", "--max-steps", "1");
        CliRunner.AssertBadInput(result, "--work-dir", "which is a file");
        Assert.Equal("mine", File.ReadAllText(folder.File("work")));
    }
}
