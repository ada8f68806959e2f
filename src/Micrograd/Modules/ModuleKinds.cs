using System.Numerics;
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Modules;

/// <summary>Every kind of module a model file can hold, in one table: its name (<see cref="Module{T}.Kind"/>)
/// and how to build it from its settings. It sits above the modules it names (Tensors/Nn and Language), so that
/// neither folder needs to know the other. A new module is its class plus one line here; ONNX needs nothing
/// more, since export traces a module's ops.</summary>
public static class ModuleKinds
{
    private static class Table<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static readonly Dictionary<string, Func<ModuleSpec, Rng, Module<T>>> Entries = new()
        {
            ["Sequential"] = (s, rng) => new Sequential<T>([.. s.Children.Select(c => (c.Name, Build<T>(c.Spec, rng)))]),
            ["Linear"] = (s, rng) => new Linear<T>(s.Int("in_features"), s.Int("out_features"), s.Bool("bias"), rng: rng),
            ["Embedding"] = (s, rng) => new Embedding<T>(s.Int("num_embeddings"), s.Int("embedding_dim"), rng),
            ["LayerNorm"] = (s, _) => new LayerNorm<T>(s.Int("normalized_shape"), s.Number("eps", double.Epsilon, 1), s.Bool("elementwise_affine")),
            ["Dropout"] = (s, rng) => new Dropout<T>(s.Number("p", 0, Math.BitDecrement(1.0)), rng),
            ["Flatten"] = (s, _) => new Flatten<T>(s.Int("start_dim", -Shapes.MaxRank, Shapes.MaxRank - 1), s.Int("end_dim", -Shapes.MaxRank, Shapes.MaxRank - 1)),
            ["ReLU"] = (_, _) => new ReLU<T>(),
            ["Tanh"] = (_, _) => new Tanh<T>(),
            ["Sigmoid"] = (_, _) => new Sigmoid<T>(),
            ["GELU"] = (s, _) => new GELU<T>(s.Bool("tanh")),
            ["Softmax"] = (s, _) => new Softmax<T>(s.Int("dim", -Shapes.MaxRank, Shapes.MaxRank - 1)),
            ["LogSoftmax"] = (s, _) => new LogSoftmax<T>(s.Int("dim", -Shapes.MaxRank, Shapes.MaxRank - 1)),
            ["CausalSelfAttention"] = (s, rng) => new CausalSelfAttention<T>(s.Int("n_embd"), s.Int("n_head"), s.Int("block_size"), rng),
            ["TransformerBlock"] = (s, rng) => new TransformerBlock<T>(s.Int("n_embd"), s.Int("n_head"), s.Int("block_size"), rng),
            ["Bigram"] = (s, _) => new Bigram<T>(s.Int("vocab_size")),
            ["BengioMlp"] = (s, rng) => new BengioMlp<T>(s.Int("vocab_size"), s.Int("block_size"), s.Int("n_embd"), s.Int("n_embd2"), rng),
            ["Rnn"] = (s, rng) => new Rnn<T>(s.Int("vocab_size"), s.Int("block_size"), s.Int("n_embd"), s.Int("n_embd2"), s.Bool("gru"), rng),
            ["RnnCell"] = (s, rng) => new RnnCell<T>(s.Int("n_embd"), s.Int("n_embd2"), rng),
            ["GruCell"] = (s, rng) => new GruCell<T>(s.Int("n_embd"), s.Int("n_embd2"), rng),
            ["BoW"] = (s, rng) => new BoW<T>(s.Int("vocab_size"), s.Int("block_size"), s.Int("n_embd"), s.Int("n_embd2"), rng),
            ["BoWBlock"] = (s, rng) => new BoWBlock<T>(s.Int("n_embd"), s.Int("n_embd2"), s.Int("block_size"), rng),
            ["CausalBoW"] = (s, _) => new CausalBoW<T>(s.Int("block_size")),
            ["Transformer"] = (s, rng) => new Transformer<T>(s.Int("vocab_size"), s.Int("block_size"), s.Int("n_layer"), s.Int("n_embd"), s.Int("n_head"), rng),
            ["TransformerTrunk"] = (s, rng) => new TransformerTrunk<T>(s.Int("vocab_size"), s.Int("block_size"), s.Int("n_layer"), s.Int("n_embd"), s.Int("n_head"), rng),
        };
    }

    /// <summary>The kinds, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table<double>.Entries.Keys];

    /// <summary>The module <paramref name="spec"/> describes, its parameters freshly drawn; load its numbers
    /// with <see cref="Module{T}.LoadStateDict"/>. Limit what it may allocate with <see cref="ModuleBudget"/>.</summary>
    /// <exception cref="ArgumentException">For an unknown kind, or settings the kind does not take.</exception>
    public static Module<T> Build<T>(ModuleSpec spec, Rng? rng = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Table<T>.Entries.TryGetValue(spec.Kind, out var build))
            throw new ArgumentException($"Expected a module kind ({string.Join(", ", Names)}), got '{spec.Kind}'.");
        return build(spec, rng ?? new Rng());
    }
}
