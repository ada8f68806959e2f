using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>The body of makemore's Transformer (its <c>transformer</c> ModuleDict): token plus position
/// embeddings (wte, wpe), the blocks (h.0, h.1, ...), and a last LayerNorm (ln_f). Takes token indices [B, T],
/// returns the final hidden states [B, T, n_embd].</summary>
public sealed class TransformerTrunk<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public TransformerTrunk(int vocabSize, int blockSize, int nLayer, int nEmbd, int nHead, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nLayer);
        rng ??= new Rng();
        TokenEmbedding = Child("wte", new Embedding<T>(vocabSize, nEmbd, rng));
        PositionEmbedding = Child("wpe", new Embedding<T>(blockSize, nEmbd, rng));
        Blocks = Child("h", new Sequential<T>([.. Enumerable.Range(0, nLayer).Select(_ => (Module<T>)new TransformerBlock<T>(nEmbd, nHead, blockSize, rng))]));
        FinalNorm = Child("ln_f", new LayerNorm<T>(nEmbd));
    }

    public Embedding<T> TokenEmbedding { get; }

    public Embedding<T> PositionEmbedding { get; }

    /// <summary>h: the <see cref="TransformerBlock{T}"/>s, named 0, 1, ... as makemore's ModuleList.</summary>
    public Sequential<T> Blocks { get; }

    public LayerNorm<T> FinalNorm { get; }

    public int BlockSize => PositionEmbedding.Count;

    public override Tensor<T> Forward(Tensor<T> idx)
    {
        ArgumentNullException.ThrowIfNull(idx);
        if (idx.Shape.Count != 2 || idx.Shape[1] > BlockSize)
            throw new ArgumentException($"Expected token indices of shape [B, T] with T at most the block size {BlockSize}, got {Shapes.Format(idx.Dims)}.", nameof(idx));
        int t = idx.Shape[1];
        var x = TokenEmbedding.Forward(idx) + PositionEmbedding.Forward(BoW<T>.Positions(t), [1, t]); // [B, T, C] + [1, T, C]
        return FinalNorm.Forward(Blocks.Forward(x));
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["vocab_size"] = TokenEmbedding.Count, ["block_size"] = BlockSize, ["n_layer"] = Blocks.Count,
        ["n_embd"] = TokenEmbedding.Dim, ["n_head"] = ((TransformerBlock<T>)Blocks[0]).Attention.HeadCount,
    };
}

/// <summary>makemore's Transformer, "exactly as seen in GPT-2": <see cref="TransformerTrunk{T}"/> then lm_head,
/// a Linear without bias to the logits.</summary>
public sealed class Transformer<T> : LanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <exception cref="ArgumentException">When n_head does not divide n_embd.</exception>
    public Transformer(int vocabSize, int blockSize, int nLayer = 4, int nEmbd = 64, int nHead = 4, Rng? rng = null) : base(vocabSize)
    {
        rng ??= new Rng();
        Trunk = Child("transformer", new TransformerTrunk<T>(vocabSize, blockSize, nLayer, nEmbd, nHead, rng));
        Head = Child("lm_head", new Linear<T>(nEmbd, vocabSize, bias: false, rng: rng));
    }

    /// <summary>transformer: embeddings, blocks, final LayerNorm.</summary>
    public TransformerTrunk<T> Trunk { get; }

    public Linear<T> Head { get; }

    public override int BlockSize => Trunk.BlockSize;

    /// <summary>What makemore prints as "number of parameters": the trunk's, without lm_head.</summary>
    public long TrunkParameterCount => Trunk.ParameterCount;

    public override Tensor<T> Forward(Tensor<T> idx)
    {
        Sizes(idx, BlockSize);
        return Head.Forward(Trunk.Forward(idx));
    }

    public override IReadOnlyDictionary<string, double> Settings => Trunk.Settings;
}
