namespace Micrograd.Cli.Tests;

/// <summary>Issue 21: figures the README states of a run are the figures the run prints (its Presets table had
/// the lecture at "loss 0.0056" where train prints 0.0055).</summary>
public class DocsFiguresTests
{
    [Fact]
    public void The_readme_states_the_lecture_loss_that_train_prints()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--preset", "lecture", "--out", folder.Path);
        Assert.True(result.ExitCode == 0, result.Err);
        string loss = result.OutLines.Single(l => l.StartsWith("  train ", StringComparison.Ordinal)).Split("loss ")[1][..6];

        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string row = readme.Split('\n').Single(l => l.StartsWith("| `lecture` |", StringComparison.Ordinal));
        Assert.Contains($"loss {loss} after training", row);
        Assert.Contains($"  train       loss {loss}", File.ReadAllText(Path.Combine(Repository.Root, "docs/cli.md")));
    }
}
