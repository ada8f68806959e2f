using System.Numerics;
using Micrograd.Data;
using Micrograd.Optim;

namespace Micrograd.Language;

/// <summary>makemore's --type.</summary>
public enum ModelType
{
    Bigram,
    Mlp,
    Rnn,
    Gru,
    Bow,
    Transformer,
}

/// <summary>makemore's ModelConfig: the sizes every model type reads a part of (the bigram only the vocabulary;
/// n_layer and n_head only the transformer; n_embd2 the MLP, the RNNs and BoW). VocabSize counts the start/stop
/// token; BlockSize is the longest sequence a model takes, the longest word plus 1.</summary>
public sealed record ModelConfig(int VocabSize, int BlockSize, int NLayer = 4, int NEmbd = 64, int NEmbd2 = 64, int NHead = 4);

/// <summary>Builds makemore's models and its optimiser.</summary>
public static class LanguageModels
{
    /// <summary>"bigram", "mlp", "rnn", "gru", "bow", "transformer": makemore's names, in its order of growing power.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = ["bigram", "mlp", "rnn", "gru", "bow", "transformer"];

    public static string Name(ModelType type) => TypeNames[(int)type];

    /// <returns>False for a name makemore does not know (any case is accepted).</returns>
    public static bool TryParse(string name, out ModelType type)
    {
        int i = TypeNames.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        type = (ModelType)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>The model of <paramref name="type"/>, initialised as PyTorch initialises makemore's: Linear
    /// layers uniform in ±1/√in, embeddings normal(0, 1), LayerNorm ones and zeros, the RNN's start state and the
    /// bigram's table zeros, every draw from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentException">For a size of 0 or less, or an n_head that does not divide n_embd.</exception>
    public static LanguageModel<T> Create<T>(ModelType type, ModelConfig config, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        var c = config;
        return type switch
        {
            ModelType.Bigram => new Bigram<T>(c.VocabSize),
            ModelType.Mlp => new BengioMlp<T>(c.VocabSize, c.BlockSize, c.NEmbd, c.NEmbd2, rng),
            ModelType.Rnn => new Rnn<T>(c.VocabSize, c.BlockSize, c.NEmbd, c.NEmbd2, gru: false, rng),
            ModelType.Gru => new Rnn<T>(c.VocabSize, c.BlockSize, c.NEmbd, c.NEmbd2, gru: true, rng),
            ModelType.Bow => new BoW<T>(c.VocabSize, c.BlockSize, c.NEmbd, c.NEmbd2, rng),
            ModelType.Transformer => new Transformer<T>(c.VocabSize, c.BlockSize, c.NLayer, c.NEmbd, c.NHead, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Expected a model type ({string.Join(", ", TypeNames)})."),
        };
    }

    /// <summary>The type a model is (RNN and GRU told apart by the cell).</summary>
    public static ModelType TypeOf<T>(LanguageModel<T> model) where T : unmanaged, IFloatingPointIeee754<T> => model switch
    {
        Bigram<T> => ModelType.Bigram,
        BengioMlp<T> => ModelType.Mlp,
        Rnn<T> r => r.IsGru ? ModelType.Gru : ModelType.Rnn,
        BoW<T> => ModelType.Bow,
        Transformer<T> => ModelType.Transformer,
        _ => throw new ArgumentException($"Expected one of makemore's models, got {model?.Kind}.", nameof(model)),
    };

    /// <summary>The sizes <paramref name="model"/> was built with, read from its settings: with
    /// <see cref="TypeOf"/>, what <see cref="Create"/> needs to build another like it.</summary>
    public static ModelConfig ConfigOf<T>(LanguageModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = model.Settings;
        var sizes = new ModelConfig(model.VocabSize, model.BlockSize);
        int Size(string name, int otherwise) => settings.TryGetValue(name, out double v) ? (int)v : otherwise;
        return sizes with
        {
            NLayer = Size("n_layer", sizes.NLayer),
            NEmbd = Size("n_embd", sizes.NEmbd),
            NEmbd2 = Size("n_embd2", sizes.NEmbd2),
            NHead = Size("n_head", sizes.NHead),
        };
    }

    /// <summary>makemore's optimiser: <c>torch.optim.AdamW(lr, weight_decay, betas=(0.9, 0.99), eps=1e-8)</c>,
    /// every parameter decayed.</summary>
    public static AdamW Optimizer<T>(LanguageModel<T> model, double learningRate = 5e-4, double weightDecay = 0.01) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdamW(model.Parameters(), learningRate, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: weightDecay);
    }
}
