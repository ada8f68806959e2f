using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>makemore's MLP (Bengio et al. 2003, https://www.jmlr.org/papers/volume3/bengio03a/bengio03a.pdf): at
/// every position, the embeddings of that token and the block size - 1 tokens before it, concatenated, go through
/// Linear, tanh, Linear. Before the start of the sequence stands a special &lt;BLANK&gt; token, index V, which
/// has a row of its own in the embedding table (V + 1 rows).</summary>
public sealed class BengioMlp<T> : LanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _blockSize;

    /// <remarks>A null rng is a new one with the default seed.</remarks>
    public BengioMlp(int vocabSize, int blockSize, int nEmbd = 64, int nEmbd2 = 64, Rng? rng = null) : base(vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        rng ??= new Rng();
        _blockSize = blockSize;
        TokenEmbedding = Child("wte", new Embedding<T>(vocabSize + 1, nEmbd, rng));
        Mlp = Child("mlp", new Sequential<T>(
            new Linear<T>(blockSize * nEmbd, nEmbd2, rng: rng),
            new Tanh<T>(),
            new Linear<T>(nEmbd2, vocabSize, rng: rng)));
    }

    /// <summary>wte: V + 1 rows, the last for &lt;BLANK&gt;.</summary>
    public Embedding<T> TokenEmbedding { get; }

    /// <summary>mlp: Linear(block size · n_embd, n_embd2), Tanh, Linear(n_embd2, V).</summary>
    public Sequential<T> Mlp { get; }

    public override int BlockSize => _blockSize;

    /// <summary>Any length T works: positions further back than the start read &lt;BLANK&gt;.</summary>
    public override Tensor<T> Forward(Tensor<T> idx)
    {
        var (b, t) = Sizes(idx);
        var blank = Tensor<T>.Full([b, 1], T.CreateChecked(VocabSize));
        var embeddings = new Tensor<T>[_blockSize];
        for (int k = 0; k < _blockSize; k++)
        {
            embeddings[k] = TokenEmbedding.Forward(idx); // [B, T, n_embd]: the tokens k places back
            // makemore's torch.roll(idx, 1, 1) then idx[:, 0] = <BLANK>: everything one place right, BLANK first
            idx = Tensor<T>.Concat([blank, idx.Slice(1, 0, t - 1)], 1);
        }
        return Mlp.Forward(Tensor<T>.Concat(embeddings, -1)); // [B, T, block size · n_embd] -> [B, T, V]
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["vocab_size"] = VocabSize, ["block_size"] = _blockSize, ["n_embd"] = TokenEmbedding.Dim, ["n_embd2"] = ((Linear<T>)Mlp[0]).OutputCount,
    };
}
