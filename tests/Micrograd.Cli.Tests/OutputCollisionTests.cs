using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: no command's output may land on one of its inputs or on another output, whether the paths are
/// spelt alike or reach the same file through a symbolic link. Each is refused before anything is written.
/// </summary>
public class OutputCollisionTests
{
    private const string Original = "the user's own file";

    private static void WriteCsv(string path) =>
        File.WriteAllLines(path, ["a,b,y", .. Enumerable.Range(0, 20).Select(i => $"{i * 0.1},{-i * 0.1},{(i % 2 == 0 ? 1 : -1)}")]);

    [Fact]
    public void Train_log_on_the_training_data_is_refused()
    {
        using var folder = new TempFolder();
        WriteCsv(folder.File("data.csv"));
        string before = File.ReadAllText(folder.File("data.csv"));

        var result = CliRunner.Run("train", "--dataset", folder.File("data.csv"), "--label", "y", "--out", folder.File("o"), "--log", folder.File("data.csv"));

        CliRunner.AssertBadInput(result, "--log", "apart from the command's inputs", "is the --dataset file");
        Assert.Equal(before, File.ReadAllText(folder.File("data.csv")));
        Assert.False(Directory.Exists(folder.File("o")));
    }

    [Fact]
    public void Train_log_on_the_training_data_through_a_linked_folder_is_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("data"));
        WriteCsv(folder.File("data/points.csv"));
        Directory.CreateSymbolicLink(folder.File("link"), folder.File("data"));

        var result = CliRunner.Run("train", "--dataset", folder.File("data/points.csv"), "--label", "y", "--out", folder.File("o"), "--log", folder.File("link/points.csv"));

        CliRunner.AssertBadInput(result, "--log", "through a symbolic link is the --dataset file");
    }

    [Fact]
    public void Train_out_folder_whose_model_would_replace_the_data_is_refused()
    {
        using var folder = new TempFolder();
        WriteCsv(folder.File("model.json"));
        var result = CliRunner.Run("train", "--dataset", folder.File("model.json"), "--label", "y", "--out", folder.Path);
        CliRunner.AssertBadInput(result, "--out", "for the model", "is the --dataset file");
    }

    [Fact]
    public void Train_log_on_an_idx_labels_file_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 7]);
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 1, 0]);
        var result = CliRunner.Run("train", "--dataset", folder.File("train-images-idx3-ubyte"), "--out", folder.File("o"), "--log", folder.File("train-labels-idx1-ubyte"));
        CliRunner.AssertBadInput(result, "--log", "the labels file of the --dataset");
    }

    [Fact]
    public void Train_log_through_a_linked_folder_onto_the_model_is_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("o"));
        File.WriteAllText(folder.File("o/model.json"), Original);
        Directory.CreateSymbolicLink(folder.File("link"), folder.File("o"));

        var result = CliRunner.Run("train", "--steps", "2", "--out", folder.File("o"), "--log", folder.File("link/model.json"));

        CliRunner.AssertBadInput(result, "--log", "which is where the model goes");
        Assert.Equal(Original, File.ReadAllText(folder.File("o/model.json")));
    }

    [Fact]
    public void Train_log_through_a_file_link_onto_the_model_is_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("o"));
        File.WriteAllText(folder.File("o/model.json"), Original);
        File.CreateSymbolicLink(folder.File("steps.csv"), folder.File("o/model.json"));

        var result = CliRunner.Run("train", "--steps", "2", "--out", folder.File("o"), "--log", folder.File("steps.csv"));

        CliRunner.AssertBadInput(result, "--log", "which is where the model goes");
        Assert.Equal(Original, File.ReadAllText(folder.File("o/model.json")));
    }

    private static void SaveModel(string path) =>
        ModelFile.Save(new MLP(2, [2, 1], rng: new Rng(1)), path, new Dictionary<string, string> { ["inputs"] = "x1,x2" });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Graph_out_on_the_model_it_draws_is_refused(bool throughLink)
    {
        using var folder = new TempFolder();
        SaveModel(folder.File("m.json"));
        string before = File.ReadAllText(folder.File("m.json"));
        if (throughLink) File.CreateSymbolicLink(folder.File("g.dot"), folder.File("m.json"));

        var result = CliRunner.Run("graph", "--model", folder.File("m.json"), "1", "2", "--format", "dot", "--out", folder.File(throughLink ? "g.dot" : "m.json"));

        CliRunner.AssertBadInput(result, "--out", "is the --model file");
        Assert.Equal(before, File.ReadAllText(folder.File("m.json")));
    }

    [Fact]
    public void Graph_dot_text_written_instead_of_svg_may_not_replace_the_model()
    {
        // Without Graphviz, --out m.svg writes m.dot instead: here the model itself.
        using var folder = new TempFolder();
        SaveModel(folder.File("m.dot"));
        string before = File.ReadAllText(folder.File("m.dot"));
        string? NoDot(string name) => name == "MICROGRAD_DOT" ? folder.File("no-such-dot") : Environment.GetEnvironmentVariable(name);

        var result = CliRunner.Run(NoDot, "graph", "--model", folder.File("m.dot"), "1", "2", "--out", folder.File("m.svg"));

        CliRunner.AssertBadInput(result, "--out", "the DOT text written instead", "is the --model file");
        Assert.Equal(before, File.ReadAllText(folder.File("m.dot")));
    }

    [Fact]
    public void Export_to_its_own_source_through_a_link_is_refused()
    {
        using var folder = new TempFolder();
        SaveModel(folder.File("m.json"));
        string before = File.ReadAllText(folder.File("m.json"));
        File.CreateSymbolicLink(folder.File("m.onnx"), folder.File("m.json"));

        var result = CliRunner.Run("export", "--model", folder.File("m.json"), "--to", folder.File("m.onnx"));

        CliRunner.AssertBadInput(result, "--to", "through a symbolic link would overwrite it");
        Assert.Equal(before, File.ReadAllText(folder.File("m.json")));
    }
}
