using System.Numerics;
using Micrograd.Data;
using Micrograd.Modules;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Serialization;

/// <summary>Model files of version 3: any tree of the modules in ModuleKinds, saved and loaded, predicts the same
/// numbers in float32 and float64 (no fixture: the expected numbers are the saved module's own).</summary>
public sealed class ModuleTreeFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Linear layers with a different activation after each, and Dropout.</summary>
    internal static Module<T> Mlp<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(21);
        return new Sequential<T>(new Linear<T>(4, 8, rng: rng), new Tanh<T>(), new Dropout<T>(0.25, rng), new Linear<T>(8, 6, rng: rng), new ReLU<T>(),
            new Linear<T>(6, 5, rng: rng), new Sigmoid<T>(), new Linear<T>(5, 3, bias: false, rng: rng), new GELU<T>(), new LogSoftmax<T>());
    }

    /// <summary>makemore's MLP language model: 3 tokens of context, embedded, flattened, a hidden layer, logits.</summary>
    internal static Module<T> LanguageModel<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(5);
        return new Sequential<T>(new Embedding<T>(27, 10, rng), new Flatten<T>(), new Linear<T>(30, 64, rng: rng), new Tanh<T>(), new Linear<T>(64, 27, rng: rng));
    }

    internal static Module<T> Block<T>() where T : unmanaged, IFloatingPointIeee754<T> => new TransformerBlock<T>(16, 4, 8, new Rng(8));

    // Some steps of training, so that no parameter keeps the value a fresh module would draw.
    private static Module<T> Trained<T>(Module<T> module, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sgd = new Micrograd.Optim.Sgd(module.Parameters(), 0.05);
        for (int i = 0; i < 3; i++)
        {
            var loss = module.Forward(x).Pow(T.CreateChecked(2)).Mean();
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
        }
        return module.Eval();
    }

    internal static Tensor<T> Numbers<T>(params int[] shape) where T : unmanaged, IFloatingPointIeee754<T> => Tensor<T>.Normal(shape, 0, 1, new Rng(3));

    internal static Tensor<T> Tokens<T>(int rows, int context, int vocabulary) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(4);
        return Tensor<T>.FromArray([.. Enumerable.Range(0, rows * context).Select(_ => T.CreateChecked(rng.Below(vocabulary)))], [rows, context]);
    }

    private void SavedAndLoadedPredictsTheSame<T>(Module<T> module, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Trained(module, x);
        string path = Path.Combine(_temp.Path, $"{typeof(T).Name}.json");
        ModelFile.Save(module, path, new Dictionary<string, string> { ["note"] = "kept" });

        var loaded = ModelFile.Load(path);
        var back = loaded.ToModule<T>().Eval();

        Assert.Equal(typeof(T) == typeof(float) ? Precision.Float32 : Precision.Float64, loaded.Precision);
        Assert.Equal((3, "kept"), (loaded.Version, loaded.Notes["note"]));
        Assert.Equal(module.ToString(), back.ToString());
        Assert.Equal(module.NamedParameters().Select(p => (p.Name, p.Parameter.ToArray())), back.NamedParameters().Select(p => (p.Name, p.Parameter.ToArray())));
        Assert.Equal(module.Forward(x).ToArray(), back.Forward(x).ToArray());
        var rows = Enumerable.Range(0, x.Shape[0]).Select(r => (IReadOnlyList<double>)x.ToArray().Skip(r * (x.Count / x.Shape[0])).Take(x.Count / x.Shape[0]).Select(double.CreateChecked).ToArray()).ToArray();
        Assert.Equal(module.Forward(x).ToArray().Select(double.CreateChecked), loaded.Predict(rows).SelectMany(r => r));
    }

    [Fact]
    public void An_mlp_with_an_activation_per_layer_predicts_the_same_numbers()
    {
        SavedAndLoadedPredictsTheSame(Mlp<float>(), Numbers<float>(5, 4));
        SavedAndLoadedPredictsTheSame(Mlp<double>(), Numbers<double>(5, 4));
    }

    [Fact]
    public void An_embedding_language_model_predicts_the_same_numbers()
    {
        SavedAndLoadedPredictsTheSame(LanguageModel<float>(), Tokens<float>(6, 3, 27));
        SavedAndLoadedPredictsTheSame(LanguageModel<double>(), Tokens<double>(6, 3, 27));
    }

    [Fact]
    public void A_transformer_block_predicts_the_same_numbers()
    {
        SavedAndLoadedPredictsTheSame(Block<float>(), Numbers<float>(2, 8, 16));
        SavedAndLoadedPredictsTheSame(Block<double>(), Numbers<double>(2, 8, 16));
    }

    [Fact]
    public void A_model_says_what_it_takes()
    {
        Assert.Equal("[batch, 4]", ModelFile.FromJson(ModelFile.ToJson(Mlp<double>())).Input!.ToString());
        Assert.Equal("[batch, 3] token indices", ModelFile.FromJson(ModelFile.ToJson(LanguageModel<double>())).Input!.ToString());
        Assert.Equal("[batch, 8, 16]", ModelFile.FromJson(ModelFile.ToJson(Block<float>())).Input!.ToString());
        Assert.Null(ModelFile.FromJson(ModelFile.ToJson(new Sequential<double>(new ReLU<double>()))).Input);
    }

    [Fact]
    public void Float64_numbers_load_into_float32_rounded()
    {
        var module = Mlp<double>();
        var back = ModelFile.FromJson(ModelFile.ToJson(module)).ToModule<float>();
        Assert.Equal(module.Parameters().SelectMany(p => p.ToArray()).Select(v => (float)v), back.Parameters().SelectMany(p => p.ToArray()));
    }

    [Fact]
    public void Only_an_mlp_shaped_tree_has_mlp_weights()
    {
        var mlp = ModelFile.FromJson(ModelFile.ToJson(new TensorMLP<double>(2, [3, 1], Micrograd.Nn.Activation.Tanh)));
        Assert.True(mlp.IsMlp);
        Assert.Equal("2-3-1 (Tanh, Linear output)", mlp.Weights.Shape);

        var lm = ModelFile.FromJson(ModelFile.ToJson(LanguageModel<double>()), "lm.json");
        Assert.False(lm.IsMlp);
        Assert.Contains("lm.json holds a Sequential that is not an MLP", Assert.Throws<InvalidOperationException>(() => lm.Weights).Message);
    }

    [Fact]
    public void A_module_a_file_cannot_hold_is_refused_when_saving()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelFile.ToJson(new Sequential<double>(new Linear<double>(2, 2), new Square())));
        Assert.Contains("got a Square at '1'", e.Message);
    }

    [Fact]
    public void A_parameter_that_is_not_finite_is_refused_when_saving()
    {
        var module = LanguageModel<float>();
        module.StateDict()["2.bias"].CopyFrom([.. Enumerable.Repeat(float.PositiveInfinity, 64)]);
        Assert.Contains("got infinity in '2.bias' at position 0", Assert.Throws<ArgumentException>(() => ModelFile.ToJson(module)).Message);
    }

    private sealed class Square : Module<double>
    {
        public override Tensor<double> Forward(Tensor<double> x) => x * x;
    }
}
