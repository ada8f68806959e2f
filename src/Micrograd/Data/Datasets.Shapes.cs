namespace Micrograd.Data;

// Three more two-class toy sets in the plane, for the playground's training view. Labels are -1 and +1, as
// the moons', so the hinge loss of micrograd's demo fits them all.
public static partial class Datasets
{
    /// <summary>scikit-learn's make_circles: the outer circle (cos t, sin t) labelled -1, the inner
    /// <paramref name="factor"/>·(cos t, sin t) +1, t evenly spaced on [0, 2 pi); then shuffled and moved by
    /// Gaussian noise, x then y for each point in turn.</summary>
    /// <param name="n">n / 2 (rounded down) points on the outer circle, the rest on the inner.</param>
    /// <param name="noise">The standard deviation of the noise; 0 for none.</param>
    /// <param name="rng">Draws the shuffle, then the noise.</param>
    /// <param name="factor">The inner circle's radius, between 0 and 1 (excluded).</param>
    /// <param name="shuffle">False keeps scikit-learn's order: the outer circle first.</param>
    public static Dataset Circles(int n, double noise, Rng rng, double factor = 0.5, bool shuffle = true)
    {
        CheckShape(n, noise, rng);
        if (!(factor > 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Expected an inner radius between 0 and 1, got {factor}.");

        int nOut = n / 2, nIn = n - nOut;
        var points = new List<(double[] X, double Y)>(n);
        for (int i = 0; i < nOut; i++)
        {
            double t = 2 * Math.PI * i / nOut;
            points.Add(([Math.Cos(t), Math.Sin(t)], -1));
        }
        for (int i = 0; i < nIn; i++)
        {
            double t = 2 * Math.PI * i / nIn;
            points.Add(([factor * Math.Cos(t), factor * Math.Sin(t)], 1));
        }
        if (shuffle) rng.Shuffle(points);
        return WithNoise("circles", points, noise, rng);
    }

    /// <summary>Exclusive or: x then y uniform in [-1, 1), labelled +1 where x·y &gt; 0, else -1; then moved by
    /// Gaussian noise of standard deviation <paramref name="noise"/> (so points near the axes may cross).</summary>
    public static Dataset Xor(int n, double noise, Rng rng)
    {
        CheckShape(n, noise, rng);
        var points = new List<(double[] X, double Y)>(n);
        for (int i = 0; i < n; i++)
        {
            double x = rng.Uniform(-1, 1), y = rng.Uniform(-1, 1);
            points.Add(([x, y], x * y > 0 ? 1 : -1));
        }
        return WithNoise("xor", points, noise, rng);
    }

    /// <summary>Two spiral arms of 1.5 turns: point i of arm k (m points) at radius r = i / (m - 1), angle
    /// 3 pi r + k pi; arm 0 (n / 2 points, rounded down) labelled -1, arm 1 +1; n at least 4. Shuffled and
    /// noised as <see cref="Circles"/>.</summary>
    public static Dataset Spiral(int n, double noise, Rng rng)
    {
        CheckShape(n, noise, rng);
        if (n < 4) throw new ArgumentOutOfRangeException(nameof(n), n, $"Expected at least 4 points for two spiral arms, got {n}.");
        var points = new List<(double[] X, double Y)>(n);
        int[] sizes = [n / 2, n - n / 2];
        for (int k = 0; k < 2; k++)
            for (int i = 0; i < sizes[k]; i++)
            {
                double r = (double)i / (sizes[k] - 1), angle = 3 * Math.PI * r + k * Math.PI;
                points.Add(([r * Math.Cos(angle), r * Math.Sin(angle)], k == 0 ? -1 : 1));
            }
        rng.Shuffle(points);
        return WithNoise("spiral", points, noise, rng);
    }

    private static void CheckShape(int n, double noise, Rng rng)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, $"Expected at least 2 points, got {n}.");
        if (!(noise >= 0) || !double.IsFinite(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"Expected a noise level of 0 or more, got {noise}.");
        ArgumentNullException.ThrowIfNull(rng);
    }

    private static Dataset WithNoise(string name, List<(double[] X, double Y)> points, double noise, Rng rng)
    {
        if (noise > 0)
            foreach (var (x, _) in points)
            {
                x[0] += rng.Gaussian(0, noise);
                x[1] += rng.Gaussian(0, noise);
            }
        return new Dataset(name, points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
    }
}
