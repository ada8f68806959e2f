using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Serialization;

/// <summary>Tensor MLPs in model files: float64 and float32, saved atomically and read back exactly; version 1
/// and 2 files still read; a bad network or precision refused in one message (no fixture).</summary>
public sealed class TensorModelFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static TensorMLP<T> Trained<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var model = new TensorMLP<T>(3, [5, 4, 2], Activation.Tanh, Activation.Linear, Init.Scaled, new Rng(11));
        var x = Tensor<T>.Uniform([8, 3], -1, 1, new Rng(2));
        var sgd = new Micrograd.Optim.Sgd(model.Parameters(), 0.1);
        for (int i = 0; i < 5; i++)
        {
            var loss = model.Forward(x).CrossEntropy([0, 1, 1, 0, 1, 0, 0, 1]);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
        }
        return model;
    }

    [Fact]
    public void Tensor_MLPs_round_trip_exactly_in_both_precisions()
    {
        var single = Trained<float>();
        var twice = Trained<double>();
        ModelFile.Save(single, Path.Combine(_temp.Path, "f32.json"), new Dictionary<string, string> { ["inputs"] = "a,b,c" });
        ModelFile.Save(twice, Path.Combine(_temp.Path, "f64.json"));

        var f32 = ModelFile.Load(Path.Combine(_temp.Path, "f32.json"));
        Assert.Equal((NetworkKind.TensorMLP, Precision.Float32), (f32.Network, f32.Precision));
        Assert.Equal("a,b,c", f32.Notes["inputs"]);
        var back32 = f32.Weights.ToTensorMLP<float>();
        for (int p = 0; p < single.Parameters().Count; p++) Assert.Equal(single.Parameters()[p].ToArray(), back32.Parameters()[p].ToArray());

        var f64 = ModelFile.Load(Path.Combine(_temp.Path, "f64.json"));
        Assert.Equal((NetworkKind.TensorMLP, Precision.Float64), (f64.Network, f64.Precision));
        var back64 = f64.Weights.ToTensorMLP<double>();
        for (int p = 0; p < twice.Parameters().Count; p++) Assert.Equal(twice.Parameters()[p].ToArray(), back64.Parameters()[p].ToArray());

        // Predict runs each as it was trained: float32 on float32 tensors.
        double[][] rows = [[0.5, -0.25, 1.0], [2.0, 0.0, -1.5]];
        var expected = single.Forward(Tensor<float>.FromArray([.. rows.SelectMany(r => r).Select(v => (float)v)], [2, 3])).ToArray();
        Assert.Equal(expected.Select(v => (double)v), f32.Predict(rows).SelectMany(r => r));
    }

    [Fact]
    public void The_scalar_MLP_of_a_tensor_model_computes_its_outputs()
    {
        var twice = Trained<double>();
        var loaded = ModelFile.FromJson(ModelFile.ToJson(twice));
        var x = new[] { 0.3, -0.7, 1.1 };
        var tensor = twice.Forward(Tensor<double>.FromArray(x, [1, 3])).ToArray();
        var scalar = loaded.Model.Forward(x).Select(v => v.Data).ToArray();
        for (int i = 0; i < tensor.Length; i++) Assert.Equal(tensor[i], scalar[i], 1e-12);
    }

    [Fact]
    public void Version_3_holds_the_module_tree_and_the_precision()
    {
        string json = ModelFile.ToJson(Trained<float>());
        Assert.Contains("\"version\": 3", json);
        Assert.Contains("\"kind\": \"Sequential\"", json);
        Assert.Contains("\"name\": \"2.weight\"", json);
        Assert.Contains("\"precision\": \"float32\"", json);
        Assert.DoesNotContain("\"network\"", json);
        Assert.Contains("\"precision\": \"float64\"", ModelFile.ToJson(new MLP(2, [1])));
    }

    [Fact]
    public void Version_2_files_are_still_read()
    {
        const string v2 = """
            {"format": "micrograd-mlp", "version": 2, "network": "tensor-mlp", "precision": "float32", "inputs": 2,
             "layers": [{"size": 2, "activation": "tanh", "weights": [[0.5, -2], [1, 1]], "biases": [0.25, 0]},
                        {"size": 1, "activation": "linear", "weights": [[1, -1]], "biases": [0]}]}
            """;
        var loaded = ModelFile.FromJson(v2);
        Assert.Equal((NetworkKind.TensorMLP, Precision.Float32, 2), (loaded.Network, loaded.Precision, loaded.Version));
        var module = loaded.ToModule<float>();
        Assert.Equal("Sequential(\n  (0): Linear(in_features=2, out_features=2, bias=True)\n  (1): Tanh()\n  (2): Linear(in_features=2, out_features=1, bias=True)\n)", module.ToString());
        double expected = Math.Tanh(0.5 * 2 - 2 * 3 + 0.25) - Math.Tanh(2 + 3);
        Assert.Equal((float)expected, module.Forward(Tensor<float>.FromArray([2f, 3f], [1, 2])).Item(), 1e-6);
    }

    [Fact]
    public void Version_1_files_are_still_read_as_scalar_MLPs()
    {
        const string v1 = """
            {"format": "micrograd-mlp", "version": 1, "inputs": 2,
             "layers": [{"size": 1, "activation": "linear", "weights": [[0.5, -2]], "biases": [0.25]}],
             "notes": {"loss": "mse"}}
            """;
        var loaded = ModelFile.FromJson(v1);
        Assert.Equal((NetworkKind.MLP, Precision.Float64), (loaded.Network, loaded.Precision));
        Assert.Equal(0.5 * 2 - 2 * 3 + 0.25, loaded.Model.Forward([2.0, 3.0])[0].Data);
        Assert.Equal("mse", loaded.Notes["loss"]);
    }

    [Theory]
    [InlineData("\"version\": 1, \"network\": \"mlp\",", "layout version 1, which has no \"network\" or \"precision\"")]
    [InlineData("\"version\": 3, \"network\": \"mlp\", \"precision\": \"float64\",", "layout version 3, which holds \"module\" and \"parameters\", not \"layers\"")]
    [InlineData("\"version\": 4, \"network\": \"mlp\", \"precision\": \"float64\",", "layout version 4; this version of Micrograd reads versions 1 to 3")]
    [InlineData("\"version\": 2, \"precision\": \"float64\",", "expected \"network\": mlp or tensor-mlp; got none")]
    [InlineData("\"version\": 2, \"network\": \"cnn\", \"precision\": \"float64\",", "expected \"network\": mlp or tensor-mlp; got \"cnn\"")]
    [InlineData("\"version\": 2, \"network\": \"tensor-mlp\", \"precision\": \"float16\",", "expected \"precision\": float64 or float32; got \"float16\"")]
    [InlineData("\"version\": 2, \"network\": \"mlp\", \"precision\": \"float32\",", "\"float64\" for a scalar mlp")]
    public void Bad_kinds_are_refused_by_name(string head, string message)
    {
        string json = $$"""{"format": "micrograd-mlp", {{head}} "inputs": 1, "layers": [{"size": 1, "activation": "linear", "weights": [[1]], "biases": [0]}]}""";
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json, "m.json"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("m.json", e.Message);
    }

    [Fact]
    public void A_float32_model_with_a_number_beyond_float32_is_refused_naming_it()
    {
        string json = """{"format": "micrograd-mlp", "version": 2, "network": "tensor-mlp", "precision": "float32", "inputs": 2, "layers": [{"size": 1, "activation": "linear", "weights": [[1, 1e39]], "biases": [0]}]}""";
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json, "m.json"));
        Assert.Contains("m.json, layer 1, neuron 1, weight 2 is 1E+39, beyond float32's ±3.4e38", e.Message);
    }

    [Fact]
    public void A_scalar_MLP_cannot_be_written_as_float32()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelFile.ToJson(MlpWeights.Of(new MLP(2, [1])), NetworkKind.MLP, Precision.Float32));
        Assert.Contains("Expected float64 for a scalar MLP", e.Message);
    }
}
