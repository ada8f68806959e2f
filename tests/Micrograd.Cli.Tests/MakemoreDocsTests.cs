using Micrograd.Cli.Makemore;
using Micrograd.Language;

namespace Micrograd.Cli.Tests;

/// <summary>docs/cli.md and the README state makemore's limits and parameter counts in the code's own figures (white
/// space, line breaks included, read as one space).</summary>
public class MakemoreDocsTests
{
    private static string Read(string file) => System.Text.RegularExpressions.Regex.Replace(Repository.Read(file), @"\s+", " ");

    [Fact]
    public void The_cli_reference_states_makemores_limits()
    {
        string text = Read("docs/cli.md");
        Assert.Contains($"{Words.MaxFileBytes:N0} bytes ({Words.MaxFileBytes >> 20} MiB)", text);
        Assert.Contains($"at most {Words.MaxWords:N0} words", text);
        Assert.Contains($"at least {Words.MinWords}", text);
        Assert.Contains($"{Words.MaxWordLength} characters after stripping", text);
        Assert.Contains($"{Words.MaxCharacters} distinct characters", text);
        Assert.Contains($"{MakemoreRun.MaxParameters:N0} parameters", text);
        Assert.Contains($"{MakemoreRun.MaxBatchTokens:N0} tokens", text);
    }

    [Fact]
    public void The_docs_give_makemores_parameter_counts()
    {
        foreach (var file in new[] { "docs/cli.md", "README.md" })
        {
            string text = Read(file);
            foreach (var (type, count) in new[] { ("bigram", 729), ("mlp", 69_147), ("rnn", 11_803), ("gru", 28_315), ("bow", 12_827), ("transformer", 204_544) })
            {
                Assert.True(LanguageModels.TryParse(type, out var kind));
                var model = LanguageModels.Create<float>(kind, new ModelConfig(27, 16), new Micrograd.Data.Rng(1));
                Assert.Equal(count, model.ParameterCount);
                Assert.Contains($"{type} {count:N0}", text);
            }
        }
    }
}
