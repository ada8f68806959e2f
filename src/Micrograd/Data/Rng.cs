namespace Micrograd.Data;

/// <summary>
/// The project's one source of randomness: a xorshift* generator, small enough to write again in any
/// language, so that a run with a given seed gives the same numbers everywhere (the same generator as
/// Karpathy's LLM101n micrograd). Datasets, initialisation and minibatch sampling all draw from it.
/// </summary>
/// <remarks>
/// Each draw: state ^= state &gt;&gt; 12; state ^= state &lt;&lt; 25; state ^= state &gt;&gt; 27; and the
/// result is the upper 32 bits of the wrapping 64-bit product state * 0x2545F4914F6CDD1D.
/// Not for cryptography. Not thread-safe: give each thread its own.
/// </remarks>
public sealed class Rng
{
    /// <summary>The seed used when none is given (micrograd's demo seeds with 1337).</summary>
    public const ulong DefaultSeed = 1337;

    private ulong _state;

    /// <summary>A generator whose state starts at <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For seed 0, which xorshift would never leave.</exception>
    public Rng(ulong seed = DefaultSeed)
    {
        if (seed == 0)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "Expected a non-zero seed: xorshift stays at 0 forever from a zero state.");
        _state = seed;
    }

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (uint)((_state * 0x2545F4914F6CDD1DUL) >> 32);
    }

    /// <summary>A uniform double in [0, 1) with 24 random bits: (<see cref="NextUInt32"/> &gt;&gt; 8) / 2^24.</summary>
    public double Uniform() => (NextUInt32() >> 8) / 16777216.0;

    /// <summary>A uniform double in [a, b): a + (b - a) * <see cref="Uniform()"/>.</summary>
    public double Uniform(double a, double b) => a + (b - a) * Uniform();

    /// <summary>A normal draw by Box-Muller from two uniforms u1, u2:
    /// mean + std * sqrt(-2 ln(1 - u1)) * cos(2 pi u2). One draw per call; the sine half is not kept.</summary>
    public double Gaussian(double mean = 0, double std = 1)
    {
        double u1 = Uniform(), u2 = Uniform();
        return mean + std * Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>An integer in [0, n): floor(<see cref="Uniform()"/> * n).</summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(Uniform() * n);
    }

    /// <summary>Shuffles <paramref name="items"/> in place by Fisher-Yates, from the last item down:
    /// item i swaps with item <see cref="Below"/>(i + 1).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
