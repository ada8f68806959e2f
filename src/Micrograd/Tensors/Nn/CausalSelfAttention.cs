using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors.Nn;

/// <summary>Multi-head masked self-attention, as makemore (and minGPT) build it: one Linear makes the queries,
/// keys and values of every head at once (c_attn), each position attends only to itself and the positions
/// before it, and a last Linear (c_proj) mixes the heads. The input is [B, T, C] with T at most the block size.</summary>
public sealed class CausalSelfAttention<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<int, bool[]> _masks = []; // by T: true above the diagonal, the future to hide

    /// <exception cref="ArgumentException">When the embedding size is not a multiple of the head count.</exception>
    public CausalSelfAttention(int nEmbd, int nHead, int blockSize, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nEmbd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nHead);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        if (nEmbd % nHead != 0) throw new ArgumentException($"Expected an embedding size that the {nHead} heads divide, got {nEmbd}.", nameof(nEmbd));
        rng ??= new Rng();
        (EmbeddingSize, HeadCount, BlockSize) = (nEmbd, nHead, blockSize);
        QueryKeyValue = Child("c_attn", new Linear<T>(nEmbd, 3 * nEmbd, rng: rng));
        Projection = Child("c_proj", new Linear<T>(nEmbd, nEmbd, rng: rng));
    }

    public int EmbeddingSize { get; }

    public int HeadCount { get; }

    public int BlockSize { get; }

    /// <summary>c_attn: [C] to the queries, keys and values of every head, [3C].</summary>
    public Linear<T> QueryKeyValue { get; }

    /// <summary>c_proj.</summary>
    public Linear<T> Projection { get; }

    /// <exception cref="ArgumentException">When x is not [B, T, C] with T at most the block size.</exception>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int c = EmbeddingSize, heads = HeadCount, size = c / heads;
        if (x.Dims is not [var b, var t, var channels] || channels != c || t > BlockSize)
            throw new ArgumentException($"Expected an input of shape [B, T, {c}] with T at most {BlockSize}, got {Shapes.Format(x.Dims)}.", nameof(x));

        var qkv = QueryKeyValue.Forward(x);                                       // [B, T, 3C]
        var q = Heads(qkv.Slice(2, 0, c), b, t, heads, size);                   // [B, nh, T, hs]
        var k = Heads(qkv.Slice(2, c, c), b, t, heads, size);
        var v = Heads(qkv.Slice(2, 2 * c, c), b, t, heads, size);
        var att = q.MatMul(k.Transpose(-2, -1)) * T.CreateChecked(1 / Math.Sqrt(size)); // [B, nh, T, T]
        att = att.MaskedFill(Future(t), [t, t], T.NegativeInfinity).Softmax(-1);
        var y = att.MatMul(v).Transpose(1, 2).Reshape(b, t, c);                 // the heads side by side again
        return Projection.Forward(y);
    }

    public override IReadOnlyDictionary<string, double> Settings =>
        new Dictionary<string, double> { ["n_embd"] = EmbeddingSize, ["n_head"] = HeadCount, ["block_size"] = BlockSize };

    private static Tensor<T> Heads(Tensor<T> x, int b, int t, int heads, int size) => x.Reshape(b, t, heads, size).Transpose(1, 2);

    private bool[] Future(int t)
    {
        if (_masks.TryGetValue(t, out var mask)) return mask;
        mask = new bool[t * t];
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++) mask[i * t + j] = true;
        return _masks[t] = mask;
    }
}
