using System.Numerics;

namespace Micrograd.Training;

public enum OutputKind
{
    /// <summary>One score whose sign is the label, -1 or +1 (hinge loss, or squared error on ±1 targets).</summary>
    Sign,
    /// <summary>One output per class; the largest is the predicted class (cross-entropy).</summary>
    ArgMax,
    /// <summary>A number, not a class (regression); model files and the command line call it "value".</summary>
    Regression,
}

public static class OutputKinds
{
    /// <summary>Cross-entropy reads the largest output and the hinge loss a sign; squared errors read a sign
    /// when every target is ±1, else a value.</summary>
    public static OutputKind For(LossKind loss, IReadOnlyList<double> targets) => loss switch
    {
        LossKind.CrossEntropy => OutputKind.ArgMax,
        LossKind.Hinge => OutputKind.Sign,
        _ => targets.Count > 0 && targets.All(t => t is 1.0 or -1.0) ? OutputKind.Sign : OutputKind.Regression,
    };

    /// <summary>The label (-1 or +1) or class (0, 1, ...); null for <see cref="OutputKind.Regression"/>.</summary>
    public static double? Predict(this OutputKind kind, IReadOnlyList<double> outputs) =>
        Predict(kind, outputs is double[] array ? array : [.. outputs]);

    public static double? Predict<T>(this OutputKind kind, ReadOnlySpan<T> outputs) where T : INumber<T> => kind switch
    {
        OutputKind.Sign => outputs[0] > T.Zero ? 1 : -1,
        OutputKind.ArgMax => ArgMax(outputs),
        _ => null,
    };

    /// <summary>For a sign, -1 is 0 and +1 is 1; a class is its own index.</summary>
    public static int ClassIndex(this OutputKind kind, double label) => kind == OutputKind.Sign ? (label > 0 ? 1 : 0) : (int)label;

    /// <summary>The first on a tie.</summary>
    public static int ArgMax(IReadOnlyList<double> xs) => ArgMax<double>(xs is double[] array ? array : [.. xs]);

    public static int ArgMax<T>(ReadOnlySpan<T> xs) where T : INumber<T>
    {
        int best = 0;
        for (int i = 1; i < xs.Length; i++) if (xs[i] > xs[best]) best = i;
        return best;
    }
}
