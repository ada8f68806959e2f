using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Tests.Serialization;

/// <summary>Saving and loading models: exact round trips, notes, shape checks, and clear errors for files
/// that are corrupt, empty or not a model (no fixture).</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string PathOf(string name) => Path.Combine(_temp.Path, name);

    private static MLP Trained()
    {
        var model = new MLP(2, [5, 4, 3], Activation.Tanh, Activation.Sigmoid, Init.Scaled, new Rng(17));
        // Move the parameters off their initial values so the test does not pass by re-drawing them.
        foreach (var (p, i) in model.Parameters().Select((p, i) => (p, i))) p.Data += 0.01 * i - 1.0 / 3;
        return model;
    }

    [Fact]
    public void Round_trip_gives_identical_parameters_and_outputs()
    {
        var model = Trained();
        string path = PathOf("model.json");
        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path).Model;

        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Equal(ModelFile.Shape(model), ModelFile.Shape(loaded));
        Assert.Equal(model.Parameters().Select(p => p.Data), loaded.Parameters().Select(p => p.Data));
        var rng = new Rng(3);
        for (int i = 0; i < 20; i++)
        {
            double[] x = [rng.Uniform(-3, 3), rng.Uniform(-3, 3)];
            Assert.Equal(model.Forward(x).Select(v => v.Data), loaded.Forward(x).Select(v => v.Data));
        }
    }

    [Fact]
    public void Round_trip_keeps_extreme_numbers()
    {
        var model = new MLP(1, [2]);
        var p = model.Parameters();
        p[0].Data = double.Epsilon;
        p[1].Data = -1.7976931348623157e308;
        p[2].Data = 0.1 + 0.2;
        p[3].Data = 1.7976931348623157e308;
        var loaded = ModelFile.FromJson(ModelFile.ToJson(model)).Model;
        Assert.Equal(p.Select(v => v.Data), loaded.Parameters().Select(v => v.Data));
    }

    [Fact]
    public void A_diverged_model_is_written_but_refused_on_load_naming_the_parameter()
    {
        var model = new MLP(2, [3, 1]);
        model.Layers[1].Neurons[0].Weights[2].Data = double.NaN;
        string json = ModelFile.ToJson(model);
        Assert.Contains("\"NaN\"", json);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json, "m.json"));
        Assert.Contains("m.json, parameter '2.weight', number 3 is NaN", e.Message);
    }

    [Fact]
    public void Notes_are_kept()
    {
        string path = PathOf("noted.json");
        ModelFile.Save(Trained(), path, new Dictionary<string, string> { ["loss"] = "cross-entropy", ["dataset"] = "yinyang" });
        var notes = ModelFile.Load(path).Notes;
        Assert.Equal(2, notes.Count);
        Assert.Equal("cross-entropy", notes["loss"]);
        Assert.Equal("yinyang", notes["dataset"]);

        ModelFile.Save(Trained(), path);
        Assert.Empty(ModelFile.Load(path).Notes);
    }

    [Fact]
    public void Single_layer_model_keeps_its_activation()
    {
        var model = new MLP(3, [2], outputActivation: Activation.Tanh, rng: new Rng(2));
        var loaded = ModelFile.FromJson(ModelFile.ToJson(model)).Model;
        Assert.Equal("MLP of [Layer of [TanhNeuron(3), TanhNeuron(3)]]", loaded.ToString());
    }

    [Fact]
    public void LoadInto_copies_into_a_model_of_the_same_shape()
    {
        var model = Trained();
        string path = PathOf("m.json");
        ModelFile.Save(model, path);
        var target = new MLP(2, [5, 4, 3], Activation.Tanh, Activation.Sigmoid, rng: new Rng(99));
        var before = target.Parameters().ToArray();
        ModelFile.LoadInto(target, path);
        Assert.Equal(model.Parameters().Select(p => p.Data), target.Parameters().Select(p => p.Data));
        Assert.Equal(before, target.Parameters()); // the same Value objects, updated in place
    }

    [Fact]
    public void LoadInto_another_shape_fails_naming_both_shapes()
    {
        string path = PathOf("m.json");
        ModelFile.Save(Trained(), path);
        var other = new MLP(2, [16, 16, 1]);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.LoadInto(other, path));
        Assert.Contains("2-5-4-3 (Tanh, Sigmoid output)", e.Message);
        Assert.Contains("expected 2-16-16-1 (ReLU, Linear output)", e.Message);
        var sameSizesOtherActivation = new MLP(2, [5, 4, 3], Activation.ReLU, Activation.Sigmoid);
        Assert.Throws<ModelFormatException>(() => ModelFile.LoadInto(sameSizesOtherActivation, path));
    }

    [Fact]
    public void Missing_file_is_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(PathOf("none.json")));
    }

    [Theory]
    [InlineData("", "not valid model JSON")]
    [InlineData("   ", "not valid model JSON")]
    [InlineData("hello, I am not JSON", "not valid model JSON")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [", "not valid model JSON")]
    [InlineData("[1, 2, 3]", "not valid model JSON")]
    [InlineData("null", "not a micrograd model")]
    [InlineData("{}", "not a micrograd model")]
    [InlineData("{\"format\": \"onnx\"}", "expected \"format\": \"micrograd-mlp\", got \"onnx\"")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 7}", "layout version 7")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": []}", "no layers")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 0, \"layers\": [{\"size\": 1, \"activation\": \"linear\", \"weights\": [[]], \"biases\": [0]}]}", "0 inputs")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [{\"size\": 1, \"activation\": \"gelu\", \"weights\": [[1, 2]], \"biases\": [0]}]}", "layer 1")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [{\"size\": 1, \"activation\": \"linear\", \"weights\": [[1]], \"biases\": [0]}]}", "expected 2 weights, got 1")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [{\"size\": 2, \"activation\": \"linear\", \"weights\": [[1, 2]], \"biases\": [0, 0]}]}", "expected 2 rows of weights")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [{\"size\": 0, \"activation\": \"linear\", \"weights\": [], \"biases\": []}]}", "impossible network")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [null]}", "layer 1")]
    [InlineData("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 2, \"layers\": [{\"size\": 1, \"activation\": \"linear\", \"weights\": [null], \"biases\": [0]}]}", "expected 2 weights, got 0")]
    public void Corrupt_or_foreign_files_fail_with_a_clear_ModelFormatException(string content, string expected)
    {
        string path = PathOf("bad.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message); // says which file
    }

    [Fact]
    public void Save_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        string path = PathOf("model.json");
        File.WriteAllText(path, "old");
        ModelFile.Save(Trained(), path);
        Assert.StartsWith("{", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_version_1_file_whose_layers_differ_in_activation_loads_with_each_layer_s()
    {
        var loaded = ModelFile.FromJson("{\"format\": \"micrograd-mlp\", \"version\": 1, \"inputs\": 1, \"layers\": [{\"size\": 1, \"activation\": \"tanh\", \"weights\": [[1]], \"biases\": [0]}, {\"size\": 1, \"activation\": \"relu\", \"weights\": [[1]], \"biases\": [0]}, {\"size\": 1, \"activation\": \"linear\", \"weights\": [[1]], \"biases\": [0]}]}");
        Assert.Equal([Activation.Tanh, Activation.ReLU, Activation.Linear], loaded.Weights.Layers.Select(l => l.Activation));
        Assert.Equal("1-1-1-1 (Tanh, ReLU, Linear output)", loaded.Weights.Shape);
        Assert.Equal(Math.Max(0, Math.Tanh(-0.5)), loaded.Predict([[-0.5]])[0][0], 12);
    }
}
