using System.Text;
using Micrograd.Serialization;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Serialization;

/// <summary>
/// Model files from strangers (issue 9, items 5 and 7): declared shapes are checked against the numbers present
/// before anything is built, the file's size before it is read, and every parameter must be finite (no fixture).
/// </summary>
public sealed class ModelFileHostileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Model(int inputs, string layers) =>
        $$"""{"format": "micrograd-mlp", "version": 1, "inputs": {{inputs}}, "layers": [{{layers}}]}""";

    private static ModelFormatException RefusedWithLittleMemory(Func<LoadedModel> load)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ModelFormatException>(() => load());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000_000, $"allocated {allocated:N0} bytes before refusing");
        return e;
    }

    [Fact]
    public void A_small_file_declaring_a_huge_layer_is_refused_before_allocating()
    {
        string path = Path.Combine(_temp.Path, "bomb.json");
        File.WriteAllText(path, Model(100_000, """{"size": 100000, "activation": "linear", "weights": [[1, 2]], "biases": [0]}"""));
        Assert.True(new FileInfo(path).Length < 360);
        var e = RefusedWithLittleMemory(() => ModelFile.Load(path));
        Assert.Contains("layer 1: expected 100000 rows of weights and 100000 biases, as its size says; got 1 and 1", e.Message);
    }

    [Fact]
    public void Declared_inputs_must_match_the_weights_present() =>
        Assert.Contains("layer 1, neuron 1: expected 100000 weights, got 2",
            RefusedWithLittleMemory(() => ModelFile.FromJson(Model(100_000, """{"size": 1, "activation": "linear", "weights": [[1, 2]], "biases": [0]}"""))).Message);

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_reading()
    {
        string path = Path.Combine(_temp.Path, "huge.json");
        using (var f = new FileStream(path, FileMode.CreateNew)) f.SetLength(3L << 30); // sparse: takes no disk space
        var e = RefusedWithLittleMemory(() => ModelFile.Load(path));
        Assert.Contains("3,221,225,472 bytes; a model file is at most 67,108,864 bytes (64 MiB)", e.Message);
    }

    [Fact]
    public void A_stream_without_end_is_cut_at_the_limit()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(new EndlessStream()));
        Assert.Contains("larger than that; a model file is at most", e.Message);
    }

    [Fact]
    public void More_parameters_than_the_limit_are_refused_before_building()
    {
        int inputs = ModelFile.MaxParameters;
        var json = new StringBuilder(Model(inputs, "LAYER"));
        string row = string.Join(",", Enumerable.Repeat("0", inputs));
        json.Replace("LAYER", $$"""{"size": 1, "activation": "linear", "weights": [[{{row}}]], "biases": [0]}""");
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json.ToString()));
        Assert.Contains("more than 1,000,000 parameters (by layer 1)", e.Message);
    }

    [Theory]
    [InlineData("[[1, 1e400]]", "[0]", "layer 1, neuron 1, weight 2 is infinite")]
    [InlineData("[[1, -1e400]]", "[0]", "layer 1, neuron 1, weight 2 is -infinite")]
    [InlineData("[[\"NaN\", 1]]", "[0]", "layer 1, neuron 1, weight 1 is NaN")]
    [InlineData("[[1, \"Infinity\"]]", "[0]", "layer 1, neuron 1, weight 2 is infinite")]
    [InlineData("[[1, 2]]", "[\"-Infinity\"]", "layer 1, neuron 1, bias is -infinite")]
    public void Non_finite_parameters_are_refused_naming_them(string weights, string biases, string mention)
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(
            Model(2, $$"""{"size": 1, "activation": "linear", "weights": {{weights}}, "biases": {{biases}}}"""), "m.json"));
        Assert.Contains("m.json, " + mention, e.Message);
        Assert.Contains("must be finite", e.Message);
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_refused()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(
            Model(1, """{"size": 1, "activation": "linear", "weights": [["one"]], "biases": [0]}""")));
        Assert.Contains("expected a number, got the string \"one\"", e.Message);
    }

    [Fact]
    public void A_stream_reads_like_a_file()
    {
        var model = new Micrograd.Nn.MLP(2, [3, 1]);
        var loaded = ModelFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(ModelFile.ToJson(model))), "upload");
        Assert.Equal(model.Parameters().Select(p => p.Data), loaded.Model.Parameters().Select(p => p.Data));
        Assert.Contains("upload is not valid model JSON", Assert.Throws<ModelFormatException>(() => ModelFile.Read(new MemoryStream([0xFF]), "upload")).Message);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        string path = Path.Combine(_temp.Path, "bom.json");
        File.WriteAllText(path, Model(1, """{"size": 1, "activation": "linear", "weights": [[2]], "biases": [0.5]}"""), new UTF8Encoding(true));
        Assert.Equal(2.5, ModelFile.Load(path).Model.Forward([new Value(1)])[0].Data);
    }
}
