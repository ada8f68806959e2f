using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>makemore's CausalBoW: every position becomes the plain average of itself and the positions before it,
/// computed as attention whose scores are all equal (zeros, the future masked with -infinity, softmax).</summary>
public sealed class CausalBoW<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public CausalBoW(int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        BlockSize = blockSize;
    }

    public int BlockSize { get; }

    /// <summary>x of shape [B, T, C] with T at most the block size.</summary>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Shape.Count != 3 || x.Shape[1] > BlockSize)
            throw new ArgumentException($"Expected an input of shape [B, T, C] with T at most {BlockSize}, got {Shapes.Format(x.Dims)}.", nameof(x));
        int b = x.Shape[0], t = x.Shape[1];
        var future = new bool[t * t];
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++) future[i * t + j] = true;
        var att = Tensor<T>.Zeros([b, t, t]).MaskedFill(future, [t, t], T.NegativeInfinity).Softmax(-1);
        return att.MatMul(x); // [B, T, T] x [B, T, C] -> [B, T, C]
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["block_size"] = BlockSize };
}

/// <summary>makemore's BoWBlock: x + cbow(x), then x + c_proj(tanh(c_fc(x))).</summary>
public sealed class BoWBlock<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public BoWBlock(int nEmbd, int nEmbd2, int blockSize, Rng? rng = null)
    {
        rng ??= new Rng();
        Bag = Child("cbow", new CausalBoW<T>(blockSize));
        Mlp = Child("mlp", new Sequential<T>(
            ("c_fc", new Linear<T>(nEmbd, nEmbd2, rng: rng)),
            ("act", new Tanh<T>()),
            ("c_proj", new Linear<T>(nEmbd2, nEmbd, rng: rng))));
    }

    public CausalBoW<T> Bag { get; }

    public Sequential<T> Mlp { get; }

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        x += Bag.Forward(x);
        return x + Mlp.Forward(x);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["n_embd"] = ((Linear<T>)Mlp[0]).InputCount, ["n_embd2"] = ((Linear<T>)Mlp[0]).OutputCount, ["block_size"] = Bag.BlockSize,
    };
}

/// <summary>makemore's BoW: token plus position embeddings, one <see cref="BoWBlock{T}"/>, then lm_head.</summary>
public sealed class BoW<T> : LanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public BoW(int vocabSize, int blockSize, int nEmbd = 64, int nEmbd2 = 64, Rng? rng = null) : base(vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        rng ??= new Rng();
        TokenEmbedding = Child("wte", new Embedding<T>(vocabSize, nEmbd, rng));
        PositionEmbedding = Child("wpe", new Embedding<T>(blockSize, nEmbd, rng));
        Block = Child("context_block", new BoWBlock<T>(nEmbd, nEmbd2, blockSize, rng));
        Head = Child("lm_head", new Linear<T>(nEmbd, vocabSize, rng: rng));
    }

    public Embedding<T> TokenEmbedding { get; }

    public Embedding<T> PositionEmbedding { get; }

    public BoWBlock<T> Block { get; }

    public Linear<T> Head { get; }

    public override int BlockSize => PositionEmbedding.Count;

    public override Tensor<T> Forward(Tensor<T> idx)
    {
        var (_, t) = Sizes(idx, BlockSize);
        var x = TokenEmbedding.Forward(idx) + PositionEmbedding.Forward(Positions(t), [1, t]); // [B, T, C] + [1, T, C]
        return Head.Forward(Block.Forward(x));
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["vocab_size"] = VocabSize, ["block_size"] = BlockSize, ["n_embd"] = TokenEmbedding.Dim, ["n_embd2"] = Block.Settings["n_embd2"],
    };

    internal static int[] Positions(int t)
    {
        var pos = new int[t];
        for (int i = 0; i < t; i++) pos[i] = i;
        return pos;
    }
}
