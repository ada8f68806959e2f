using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>makemore's RNN: the tokens' embeddings go one position at a time through a cell (a vanilla
/// <see cref="RnnCell{T}"/> or a <see cref="GruCell{T}"/>) from a learned starting state (zeros at first), and
/// every hidden state is decoded into logits by lm_head.</summary>
public sealed class Rnn<T> : LanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _blockSize;

    /// <remarks>With <paramref name="gru"/>, a GRU cell rather than a vanilla RNN cell (makemore's --type gru).</remarks>
    public Rnn(int vocabSize, int blockSize, int nEmbd = 64, int nEmbd2 = 64, bool gru = false, Rng? rng = null) : base(vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nEmbd2);
        rng ??= new Rng();
        _blockSize = blockSize;
        Start = Parameter("start", [1, nEmbd2], _ => { });
        TokenEmbedding = Child("wte", new Embedding<T>(vocabSize, nEmbd, rng));
        Cell = Child<RecurrentCell<T>>("cell", gru ? new GruCell<T>(nEmbd, nEmbd2, rng) : new RnnCell<T>(nEmbd, nEmbd2, rng));
        Head = Child("lm_head", new Linear<T>(nEmbd2, vocabSize, rng: rng));
    }

    /// <summary>start: the hidden state before the first token, [1, n_embd2].</summary>
    public Tensor<T> Start { get; }

    public Embedding<T> TokenEmbedding { get; }

    public RecurrentCell<T> Cell { get; }

    public Linear<T> Head { get; }

    public bool IsGru => Cell is GruCell<T>;

    public override int BlockSize => _blockSize;

    public override Tensor<T> Forward(Tensor<T> idx)
    {
        var (b, t) = Sizes(idx);
        int e = TokenEmbedding.Dim, h = Cell.HiddenSize;
        var emb = TokenEmbedding.Forward(idx);        // [B, T, n_embd], all at once
        var hprev = Start.Take(new int[b], [b]);      // start.expand(b, -1): row 0, b times
        var hiddens = new Tensor<T>[t];
        for (int i = 0; i < t; i++)
        {
            var xt = emb.Slice(1, i, 1).Reshape(b, e); // emb[:, i, :]
            hprev = Cell.Step(xt, hprev);
            hiddens[i] = hprev.Reshape(b, 1, h);
        }
        var hidden = Tensor<T>.Concat(hiddens, 1);    // torch.stack(hiddens, 1): [B, T, n_embd2]
        return Head.Forward(hidden);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>
    {
        ["vocab_size"] = VocabSize, ["block_size"] = _blockSize, ["n_embd"] = TokenEmbedding.Dim, ["n_embd2"] = Cell.HiddenSize, ["gru"] = IsGru ? 1 : 0,
    };
}
