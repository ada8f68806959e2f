using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Language;

/// <summary>makemore's Bigram: a lookup table of the next token's logits given the previous token, all zeros at
/// first (every next token equally likely).</summary>
public sealed class Bigram<T> : LanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public Bigram(int vocabSize) : base(vocabSize) => Logits = Parameter("logits", [vocabSize, vocabSize], _ => { });

    /// <summary>[V, V]: row i holds the logits of the token after token i.</summary>
    public Tensor<T> Logits { get; }

    public override int BlockSize => 1;

    public override Tensor<T> Forward(Tensor<T> idx)
    {
        Sizes(idx);
        return Logits.Take(idx);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["vocab_size"] = VocabSize };
}
