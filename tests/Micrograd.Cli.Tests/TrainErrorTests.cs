namespace Micrograd.Cli.Tests;

/// <summary>Bad input to <c>train</c>: one error line, exit code 1, and the user's files left as they were.</summary>
public class TrainErrorTests
{
    private const string Original = "the user's own file";

    /// <summary>Runs train with <paramref name="args"/> into a folder that already holds a model, plots and a
    /// log; checks the error contract and that none of those files changed.</summary>
    private static CliResult RunOverExistingFiles(string[] args, params string[] mentions)
    {
        using var folder = new TempFolder();
        string[] outputs = ["model.json", "loss.png", "decision-boundary.png", "log.csv"];
        foreach (var f in outputs) File.WriteAllText(folder.File(f), Original);

        var all = args.Select(a => a.Replace("{dir}", folder.Path)).Concat(["--out", folder.Path, "--log", folder.File("log.csv")]).ToArray();
        var result = CliRunner.Run(all);

        CliRunner.AssertBadInput(result, mentions);
        foreach (var f in outputs) Assert.Equal(Original, File.ReadAllText(folder.File(f)));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
        return result;
    }

    [Fact]
    public void Unknown_preset() => RunOverExistingFiles(["train", "--preset", "mooons"], "--preset", "lecture, moons, yinyang or digits", "'mooons'");

    [Theory]
    [InlineData("16,,1")]
    [InlineData("0")]
    [InlineData("16,-1")]
    [InlineData("a,b")]
    [InlineData("")]
    public void Bad_layers(string layers) => RunOverExistingFiles(["train", "--layers", layers], "--layers");

    [Theory]
    [InlineData("-0.1")]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("NaN")]
    public void Bad_learning_rate(string lr) => RunOverExistingFiles(["train", "--lr", lr], "--lr", "positive number", $"'{lr}'");

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--batch-size", "-5")]
    [InlineData("--seed", "0")]
    [InlineData("--activation", "gelu")]
    [InlineData("--loss", "l1")]
    [InlineData("--optimizer", "adam")]
    [InlineData("--engine", "jit")]
    public void Bad_option_values(string option, string value) => RunOverExistingFiles(["train", option, value], option, $"'{value}'");

    [Fact]
    public void Unknown_option() => RunOverExistingFiles(["train", "--learning-rate", "0.1"], "--learning-rate");

    [Fact]
    public void Missing_csv_file() => RunOverExistingFiles(["train", "--dataset", "{dir}/nope.csv", "--label", "y"], "--dataset", "nope.csv", "does not exist");

    [Fact]
    public void Csv_without_label_column_option() => RunOverExistingFiles(["train", "--dataset", "{dir}/nope.csv"], "--label");

    [Fact]
    public void Label_for_a_built_in_dataset() => RunOverExistingFiles(["train", "--dataset", "moons", "--label", "y"], "--label", "built in");

    [Fact]
    public void Malformed_csv_names_line_and_column()
    {
        using var data = new TempFolder();
        File.WriteAllLines(data.File("bad.csv"), ["x1,x2,y", "0.5,1.5,1", "0.25,oops,-1"]);
        RunOverExistingFiles(["train", "--dataset", data.File("bad.csv"), "--label", "y"], "bad.csv", "line 3", "column 2", "'oops'");
    }

    [Fact]
    public void Csv_with_a_short_row_names_the_line()
    {
        using var data = new TempFolder();
        File.WriteAllLines(data.File("short.csv"), ["x1,x2,y", "0.5,1.5,1", "0.25,-1"]);
        RunOverExistingFiles(["train", "--dataset", data.File("short.csv"), "--label", "y"], "short.csv", "line 3");
    }

    [Fact]
    public void Csv_without_the_label_column()
    {
        using var data = new TempFolder();
        File.WriteAllLines(data.File("d.csv"), ["x1,x2,y", "0.5,1.5,1"]);
        RunOverExistingFiles(["train", "--dataset", data.File("d.csv"), "--label", "target"], "'target'", "'x1', 'x2', 'y'");
    }

    [Fact]
    public void Tape_engine_with_a_minibatch() => RunOverExistingFiles(["train", "--engine", "tape", "--batch-size", "10"], "full batch", "batch size of 10");

    [Fact]
    public void Loss_that_does_not_fit_the_model() => RunOverExistingFiles(["train", "--loss", "cross-entropy"], "cross-entropy");

    [Fact]
    public void Labels_that_do_not_fit_the_loss() => RunOverExistingFiles(["train", "--dataset", "yinyang", "--loss", "hinge", "--layers", "8,1"], "hinge");

    [Fact]
    public void Out_is_an_existing_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("taken"), Original);
        var result = CliRunner.Run("train", "--out", folder.File("taken"));
        CliRunner.AssertBadInput(result, "--out", "is a file");
        Assert.Equal(Original, File.ReadAllText(folder.File("taken")));
    }
}
