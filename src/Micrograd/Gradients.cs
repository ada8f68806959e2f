namespace Micrograd;

/// <summary>Derivatives estimated from their definition (nudge an input by h, watch the output move), for
/// learning and for checking <see cref="Value.Backward()"/>.</summary>
public static class Gradients
{
    /// <summary>Small enough for a good slope, large enough that rounding error (about 1e-16 / h) stays small.</summary>
    public const double DefaultStep = 1e-6;

    /// <summary>(f(x + h) - f(x)) / h; its error shrinks like h.</summary>
    public static double Numerical(Func<double, double> f, double x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckStep(h);
        return (f(x + h) - f(x)) / h;
    }

    /// <summary>(f(x + h) - f(x - h)) / 2h; its error shrinks like h², a better estimate for the same h.</summary>
    public static double Central(Func<double, double> f, double x, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckStep(h);
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    /// <summary>Compares <see cref="Value.Backward()"/> with central differences for a function of n inputs;
    /// <paramref name="f"/> builds the output from fresh leaves holding the inputs (it is called 2n + 1 times).</summary>
    public static GradientCheck Check(Func<IReadOnlyList<Value>, Value> f, IReadOnlyList<double> at, double h = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(at);
        CheckStep(h);

        var inputs = at.Select((x, i) => new Value(x, $"x{i}")).ToArray();
        var output = f(inputs);
        output.Backward();
        var analytic = inputs.Select(v => v.Grad).ToArray();

        var numerical = new double[at.Count];
        for (int i = 0; i < at.Count; i++)
        {
            int k = i;
            numerical[i] = Central(x => f(at.Select((xj, j) => new Value(j == k ? x : xj)).ToArray()).Data, at[i], h);
        }
        return new GradientCheck(analytic, numerical);
    }

    private static void CheckStep(double h)
    {
        if (!(h > 0) || !double.IsFinite(h))
            throw new ArgumentOutOfRangeException(nameof(h), h, "Expected a small positive finite step h, such as 1e-6.");
    }
}

public sealed class GradientCheck
{
    internal GradientCheck(double[] analytic, double[] numerical)
    {
        Analytic = analytic;
        Numerical = numerical;
        for (int i = 0; i < analytic.Length; i++)
        {
            double e = RelativeError(analytic[i], numerical[i]);
            if (e > WorstRelativeError || double.IsNaN(e))
            {
                WorstRelativeError = e;
                WorstIndex = i;
            }
        }
    }

    public IReadOnlyList<double> Analytic { get; }

    public IReadOnlyList<double> Numerical { get; }

    /// <summary>0 for a function of no inputs.</summary>
    public double WorstRelativeError { get; }

    /// <summary>-1 for no inputs.</summary>
    public int WorstIndex { get; } = -1;

    /// <summary>|a - n| / max(|a|, |n|, 1): relative for large gradients, absolute for small ones, so that a
    /// gradient of 1e-12 against an estimate of 0 does not count as a 100% error.</summary>
    public static double RelativeError(double analytic, double numerical) =>
        analytic == numerical ? 0 : Math.Abs(analytic - numerical) / Math.Max(1, Math.Max(Math.Abs(analytic), Math.Abs(numerical)));

    public override string ToString() =>
        WorstIndex < 0 ? "no inputs" :
        $"worst relative error {WorstRelativeError:G3} at input {WorstIndex} (backward {Analytic[WorstIndex]:G10}, central difference {Numerical[WorstIndex]:G10})";
}
