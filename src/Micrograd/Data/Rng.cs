namespace Micrograd.Data;

/// <summary>LLM101n micrograd's xorshift*, small enough to write again in any language, so a seed gives the same
/// numbers everywhere. Not for cryptography; not thread-safe.</summary>
public sealed class Rng
{
    /// <summary>micrograd's demo seeds with 1337.</summary>
    public const ulong DefaultSeed = 1337;

    private ulong _state;

    /// <exception cref="ArgumentOutOfRangeException">For seed 0, which xorshift would never leave.</exception>
    public Rng(ulong seed = DefaultSeed)
    {
        if (seed == 0)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "Expected a non-zero seed: xorshift stays at 0 forever from a zero state.");
        _state = seed;
    }

    public uint NextUInt32()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (uint)((_state * 0x2545F4914F6CDD1DUL) >> 32);
    }

    /// <summary>In [0, 1), with 24 random bits.</summary>
    public double Uniform() => (NextUInt32() >> 8) / 16777216.0;

    public double Uniform(double a, double b) => a + (b - a) * Uniform();

    /// <summary>Box-Muller from two uniforms; the sine half is not kept, so each call takes two.</summary>
    public double Gaussian(double mean = 0, double std = 1)
    {
        double u1 = Uniform(), u2 = Uniform();
        return mean + std * Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(Uniform() * n);
    }

    /// <summary>Fisher-Yates, in place, from the last item down.</summary>
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
