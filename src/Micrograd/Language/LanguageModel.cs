using System.Numerics;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Language;

/// <summary>A character-level language model as makemore defines one: <see cref="Module{T}.Forward"/> takes token indices
/// [B, T] (whole numbers held in a tensor) and returns the logits of the next token at every position, [B, T, V].</summary>
public abstract class LanguageModel<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected LanguageModel(int vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabSize);
        VocabSize = vocabSize;
    }

    /// <summary>V: token indices run from 0 to V - 1 (0 is the start and stop token).</summary>
    public int VocabSize { get; }

    /// <summary>The most tokens of context the model looks at, makemore's <c>get_block_size()</c>: sampling
    /// crops the sequence to its last <see cref="BlockSize"/> tokens (1 for the bigram).</summary>
    public abstract int BlockSize { get; }

    /// <summary>makemore's loss: <c>F.cross_entropy(logits.view(-1, V), targets.view(-1), ignore_index=-1)</c>,
    /// the mean over the positions whose target is not -1.</summary>
    /// <param name="logits">[B, T, V], as <see cref="Module{T}.Forward"/> returns them.</param>
    /// <param name="targets">B·T targets, row by row, -1 where nothing is to be predicted.</param>
    /// <exception cref="ArgumentException">When the counts disagree or a target is outside [-1, V).</exception>
    public static Tensor<T> Loss(Tensor<T> logits, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.Shape.Count == 0) throw new ArgumentException("Expected logits of shape [B, T, V], got a single number.", nameof(logits));
        return logits.Reshape(-1, logits.Shape[^1]).CrossEntropy(targets, ignoreIndex: -1);
    }

    /// <summary>Checks that <paramref name="idx"/> is [B, T], neither 0, with T at most <paramref name="most"/> (when given).</summary>
    private protected static (int B, int T) Sizes(Tensor<T> idx, int? most = null)
    {
        ArgumentNullException.ThrowIfNull(idx);
        if (idx.Shape.Count != 2 || idx.Shape[0] == 0 || idx.Shape[1] == 0 || (most is { } m && idx.Shape[1] > m))
            throw new ArgumentException(
                $"Expected token indices of shape [B, T], B and T at least 1{(most is { } n ? $" and T at most the block size {n}" : "")}, got {Shapes.Format(idx.Dims)}.", nameof(idx));
        return (idx.Shape[0], idx.Shape[1]);
    }
}
