using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd graph</c>: DOT in the lecture's style, rendering through Graphviz, and the fallback
/// without it.</summary>
public class GraphTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "micrograd-no-such-folder", "dot");

    [Fact]
    public void Neuron_graph_has_the_lectures_records_and_ops()
    {
        var result = CliRunner.Run("graph", "--neuron", "2", "--format", "dot", "--out", "-");
        Assert.Equal(0, result.ExitCode);
        string dot = result.Out;
        Assert.StartsWith("digraph", dot);
        foreach (var record in new[]
                 {
                     "{ x1 | data 2.0000 | grad -1.5000 }", "{ x2 | data 0.0000 | grad 0.5000 }",
                     "{ w1 | data -3.0000 | grad 1.0000 }", "{ w2 | data 1.0000 | grad 0.0000 }",
                     "{ b | data 6.8814 | grad 0.5000 }", "{ n | data 0.8814 | grad 0.5000 }", "{ o | data 0.7071 | grad 1.0000 }",
                     "{ x1*w1 + x2*w2 |",
                 })
            Assert.Contains(record, dot);
        foreach (var op in new[] { "label=\"*\"", "label=\"+\"", "label=\"tanh\"" }) Assert.Contains(op, dot);
    }

    [Fact]
    public void Neuron_with_more_inputs_has_one_weight_per_input()
    {
        var result = CliRunner.Run("graph", "--neuron", "4", "--format", "dot", "--out", "-");
        Assert.Equal(0, result.ExitCode);
        for (int i = 1; i <= 4; i++)
        {
            Assert.Contains($"{{ x{i} |", result.Out);
            Assert.Contains($"{{ w{i} |", result.Out);
        }
    }

    // Graphviz is a system program that .ci/run installs; without it these two fail with a line saying so. The
    // fallback a user without it gets is tested below with a dot that does not exist.
    [Fact]
    public void Svg_is_rendered_by_graphviz()
    {
        RequireGraphviz();
        using var folder = new TempFolder();
        var result = CliRunner.Run("graph", "--neuron", "2", "--out", folder.File("neuron.svg"));
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal("", result.Err); // no fallback warning
        string svg = File.ReadAllText(folder.File("neuron.svg"));
        Assert.Contains("<svg", svg);
        Assert.Contains("tanh", svg);
        Assert.Equal(["wrote " + folder.File("neuron.svg")], result.OutLines);
    }

    [Fact]
    public void Png_is_rendered_by_graphviz()
    {
        RequireGraphviz();
        using var folder = new TempFolder();
        var result = CliRunner.Run("graph", "x*y + exp(x)", "x=1", "y=2", "--out", folder.File("f.png"));
        Assert.True(result.ExitCode == 0, result.Err);
        var (width, height) = PngFile.Size(folder.File("f.png"));
        Assert.True(width > 0 && height > 0);
    }

    private static void RequireGraphviz() =>
        Assert.True(Graphs.Graphviz.Locate(null, Environment.GetEnvironmentVariable) is not null,
            "This test needs Graphviz's dot on the PATH, which .ci/run installs (Debian: sudo apt-get install graphviz; macOS: brew install graphviz).");

    [Fact]
    public void Without_graphviz_writes_dot_and_says_how_to_install_it()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("graph", "--neuron", "2", "--out", folder.File("neuron.svg"), "--dot", Missing);
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(folder.File("neuron.svg")));
        Assert.StartsWith("digraph", File.ReadAllText(folder.File("neuron.dot")));
        Assert.Equal(["wrote " + folder.File("neuron.dot")], result.OutLines);
        var warning = Assert.Single(result.ErrLines);
        Assert.StartsWith("warning:", warning);
        Assert.Contains("apt-get install graphviz", warning);
        Assert.Contains("brew install graphviz", warning);
        Assert.Contains($"dot -Tsvg {folder.File("neuron.dot")} -o {folder.File("neuron.svg")}", warning);
    }

    [Fact]
    public void Environment_variable_overrides_the_dot_program()
    {
        using var folder = new TempFolder();
        string? Environment(string name) => name == "MICROGRAD_DOT" ? Missing : System.Environment.GetEnvironmentVariable(name);
        var result = CliRunner.Run(Environment, "graph", "--neuron", "2", "--out", folder.File("neuron.png"));
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(folder.File("neuron.dot")));
        Assert.False(File.Exists(folder.File("neuron.png")));
        Assert.Contains("MICROGRAD_DOT", result.Err);
    }

    [Fact]
    public void Too_large_a_graph_gets_a_one_line_message_naming_the_limit()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("g.svg"), "the user's own drawing");
        var result = CliRunner.Run("graph", "--neuron", "2", "--max-nodes", "5", "--out", folder.File("g.svg"));
        CliRunner.AssertBadInput(result, "10 values", "limit of 5", "--max-nodes");
        Assert.Equal("the user's own drawing", File.ReadAllText(folder.File("g.svg")));
        Assert.False(File.Exists(folder.File("g.dot")));
    }

    [Fact]
    public void Model_graph_is_its_tensor_graph_on_one_input()
    {
        using var folder = new TempFolder();
        var model = new MLP(2, [2, 1], Activation.Tanh);
        ModelFile.Save(model, folder.File("m.json"), new Dictionary<string, string> { ["inputs"] = "height,weight" });
        var result = CliRunner.Run("graph", "--model", folder.File("m.json"), "0.5", "-0.25", "--format", "dot", "--out", "-");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("{ height, weight | [1, 2] | data 0.5000, -0.2500 | grad ", result.Out);
        var w = model.Layers[0].Neurons.SelectMany(n => n.Weights).Select(v => v.Data.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"{{ 0.weight | [2, 2] | data {string.Join(", ", w)} | grad ", result.Out);
        Assert.Contains($"{{ out | [1, 1] | data {model.Forward([0.5, -0.25])[0].Data.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} | grad 1.0000 }}", result.Out);
        foreach (var op in new[] { "label=\"linear\"", "label=\"tanh\"" }) Assert.Contains(op, result.Out);
    }

    [Fact]
    public void A_model_graph_larger_than_the_limit_is_refused()
    {
        using var folder = new TempFolder();
        ModelFile.Save(new MLP(2, [16, 16, 1]), folder.File("m.json"));
        var result = CliRunner.Run("graph", "--model", folder.File("m.json"), "0.5", "-0.25", "--max-nodes", "5", "--out", folder.File("m.svg"));
        CliRunner.AssertBadInput(result, "the graph has 12 values, more than the limit of 5", "--max-nodes");
    }

    [Fact]
    public void A_model_file_declaring_a_huge_layer_is_refused_in_one_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bomb.json"),
            """{"format": "micrograd-mlp", "version": 1, "inputs": 100000, "layers": [{"size": 100000, "activation": "linear", "weights": [[1, 2]], "biases": [0]}]}""");
        var result = CliRunner.Run("graph", "--model", folder.File("bomb.json"), "1", "2", "--out", "-", "--format", "dot");
        CliRunner.AssertBadInput(result, "bomb.json, layer 1: expected 100000 rows of weights");
    }

    [Fact]
    public void Expression_graph_labels_its_variables()
    {
        var result = CliRunner.Run("graph", "x*y + 1", "x=1", "y=2", "--format", "dot", "--out", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("{ x | data 1.0000 | grad 2.0000 }", result.Out);
        Assert.Contains("{ y | data 2.0000 | grad 1.0000 }", result.Out);
        Assert.Contains("{ f | data 3.0000 | grad 1.0000 }", result.Out);
    }

    [Theory]
    [InlineData(new[] { "graph" }, "expected something to draw")]
    [InlineData(new[] { "graph", "--neuron", "0" }, "--neuron")]
    [InlineData(new[] { "graph", "--neuron", "2", "x" }, "--neuron")]
    [InlineData(new[] { "graph", "--neuron", "2", "--out", "g.txt" }, ".txt")]
    [InlineData(new[] { "graph", "--neuron", "2", "--format", "pdf" }, "--format")]
    [InlineData(new[] { "graph", "--neuron", "2", "--out", "-", "--format", "png" }, "PNG")]
    [InlineData(new[] { "graph", "--model", "no-such-model.json", "1", "2" }, "no-such-model.json")]
    [InlineData(new[] { "graph", "x +", "x=1" }, "column")]
    public void Bad_graph_requests_are_explained(string[] args, string mention)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.ErrLines[0]);
        Assert.Contains(mention, result.ErrLines[0]);
        Assert.DoesNotContain("   at ", result.Err);
    }
}
