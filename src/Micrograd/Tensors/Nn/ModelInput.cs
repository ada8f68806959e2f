
namespace Micrograd.Tensors.Nn;

/// <summary>What a model takes per example, after the batch dimension: a tensor of <see cref="Shape"/> holding
/// numbers, or holding token indices (whole numbers, for an Embedding) when <see cref="Indices"/>.</summary>
public sealed record ModelInput
{
    /// <exception cref="ArgumentException">For an empty shape or a dimension below 1.</exception>
    public ModelInput(IReadOnlyList<int> shape, bool indices)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count == 0 || shape.Any(d => d < 1))
            throw new ArgumentException($"Expected a shape of one or more dimensions of at least 1, got [{string.Join(", ", shape)}].", nameof(shape));
        Shape = [.. shape];
        Indices = indices;
        Count = shape.Aggregate(1L, (n, d) => n * d) is var count && count <= Array.MaxLength
            ? (int)count
            : throw new ArgumentException($"Expected at most {Array.MaxLength:N0} numbers per example, got [{string.Join(", ", shape)}].", nameof(shape));
    }

    /// <summary>The most numbers per example <see cref="Of"/> reads a tree as taking (2^20); a tree whose first
    /// layers ask for more, or an attention block whose scores for one example would pass 2^24 numbers
    /// (n_head × block_size²), does not say, so nothing is run on it.</summary>
    public const int MaxCount = 1 << 20;

    public IReadOnlyList<int> Shape { get; }

    public bool Indices { get; }

    /// <summary>The numbers per example: the product of <see cref="Shape"/>.</summary>
    public int Count { get; }

    /// <summary>Such as "[batch, 2]" or "[batch, 3] token indices".</summary>
    public override string ToString() => $"[batch, {string.Join(", ", Shape)}]{(Indices ? " token indices" : "")}";

    /// <summary>What the module tree <paramref name="spec"/> takes, read from its first modules: a Linear's
    /// in_features, a LayerNorm's size, an attention block's [block_size, n_embd], a language model's block_size token indices (any module with a vocab_size; one without a block_size, such as
    /// makemore's bigram, takes one), or an Embedding's token
    /// indices (as many as the Linear or LayerNorm after a Flatten takes, or a block's block_size); null when they do not say.</summary>
    public static ModelInput? Of(ModuleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var modules = new List<ModuleSpec>();
        Unroll(spec, modules);
        for (int i = 0; i < modules.Count; i++)
        {
            var m = modules[i];
            switch (m.Kind)
            {
                case "Linear": return Numbers(Setting(m, "in_features"));
                case "LayerNorm": return Numbers(Setting(m, "normalized_shape"));
                case "CausalSelfAttention" or "TransformerBlock":
                    return Setting(m, "block_size") is { } t && Setting(m, "n_head") is { } heads && (double)heads * t * t <= 1 << 24
                        ? Numbers(t, Setting(m, "n_embd")) : null;
                case var _ when Setting(m, "vocab_size") is not null: return LanguageModel(m);
                case "Embedding": return Context(modules, i + 1, Setting(m, "embedding_dim")) is { } tokens && tokens <= MaxCount ? new ModelInput([tokens], indices: true) : null;
                case var kind when PassThrough(kind) || kind == "Flatten": continue;
                default: return null;
            }
        }
        return null;
    }

    // How many tokens an Embedding of dim numbers per token takes, from what follows it.
    private static int? Context(List<ModuleSpec> modules, int from, int? dim)
    {
        if (dim is not > 0) return null;
        bool flattened = false;
        for (int i = from; i < modules.Count; i++)
        {
            var m = modules[i];
            if (PassThrough(m.Kind)) continue;
            if (m.Kind == "Flatten" && !flattened) { flattened = true; continue; }
            if (flattened && Setting(m, m.Kind == "LayerNorm" ? "normalized_shape" : "in_features") is { } n && m.Kind is "Linear" or "LayerNorm")
                return n % dim == 0 ? n / dim : null;
            if (m.Kind is "CausalSelfAttention" or "TransformerBlock" && !flattened)
                return Setting(m, "block_size") is { } t && Setting(m, "n_head") is { } heads && (double)heads * t * t <= 1 << 24 ? t : null;
            return flattened ? null : 1;
        }
        return flattened ? null : 1;
    }

    private static bool PassThrough(string kind) => kind is "ReLU" or "Tanh" or "Sigmoid" or "GELU" or "Dropout" or "Softmax" or "LogSoftmax";

    private static ModelInput? LanguageModel(ModuleSpec m)
    {
        int block = Setting(m, "block_size") ?? 1;
        return (double)(Setting(m, "n_head") ?? 1) * block * block <= 1 << 24 ? new ModelInput([block], indices: true) : null;
    }

    private static void Unroll(ModuleSpec spec, List<ModuleSpec> into)
    {
        if (spec.Kind != "Sequential") into.Add(spec);
        else foreach (var (_, child) in spec.Children) Unroll(child, into);
    }

    private static int? Setting(ModuleSpec m, string name) =>
        m.Settings.TryGetValue(name, out double v) && v >= 1 && v <= int.MaxValue && v == Math.Floor(v) ? (int)v : null;

    private static ModelInput? Numbers(params int?[] dims) =>
        dims.All(d => d is not null) && dims.Aggregate(1L, (n, d) => n * d!.Value) <= MaxCount ? new ModelInput([.. dims.Select(d => d!.Value)], indices: false) : null;
}
