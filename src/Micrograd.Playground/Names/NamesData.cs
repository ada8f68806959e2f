using Micrograd.Data;
using Micrograd.Language;

namespace Micrograd.Playground.Names;

/// <summary>The words a names model learns, split into training and test words as makemore splits them (the
/// library's <see cref="CharDataset.Split"/>: one in ten, at most 1,000, for the test set).</summary>
public sealed class NamesData
{
    private static NamesData? _shipped;

    public NamesData(IReadOnlyList<string> words, ulong seed = NamesSession.Seed) =>
        (Train, Test) = CharDataset.Split(words, new Rng(seed));

    /// <summary>names.txt (32,033 names, embedded in the library), read and split once per page.</summary>
    public static NamesData Shipped => _shipped ??= new NamesData(Micrograd.Language.Words.ShippedNames());

    public CharDataset Train { get; }

    public CharDataset Test { get; }

    /// <summary>The label of token <paramref name="token"/>: "." for the start/stop token 0 (as makemore's lecture
    /// writes it), else its character.</summary>
    public string TokenLabel(int token) => token == 0 ? "." : Train.Vocabulary.Characters[token - 1].ToString();
}
