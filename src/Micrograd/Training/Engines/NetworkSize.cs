using System.Numerics;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training.Engines;

/// <summary>How large a network is for the tensor engine's limits: its outputs per example, its widest layer,
/// and its units (the inputs plus every Linear layer's outputs, what <see cref="EngineLimits.UnitsTimesExamples"/>
/// counts per example).</summary>
internal readonly record struct NetworkSize(int Outputs, int Widest, long Units)
{
    /// <summary>Runs one example of zeros through <paramref name="network"/> (no graph, evaluation mode) to learn
    /// its outputs, which also checks that it takes [N, inputs] and gives [N, outputs].</summary>
    /// <exception cref="ArgumentException">When it does not.</exception>
    public static NetworkSize Of<T>(Module<T> network, int inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] shape;
        try
        {
            using var eval = new EvalScope<T>(network);
            using var noGrad = Tensor.NoGrad();
            shape = [.. network.Forward(Tensor<T>.Zeros([1, inputs])).Shape];
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Expected a network that takes a batch of rows of the data's {inputs} inputs: {e.Message}", e);
        }
        if (shape is not [1, var outputs])
            throw new ArgumentException($"Expected a network that gives one row of outputs per example, [N, outputs], got [{string.Join(", ", shape)}] for one example.");
        var linears = Linears(network).ToArray();
        return new NetworkSize(outputs, Math.Max(inputs, linears.DefaultIfEmpty(outputs).Max()), inputs + linears.Sum(n => (long)n));
    }

    /// <summary>An MLP of <paramref name="layers"/>, without building it.</summary>
    public static NetworkSize OfMlp(int inputs, IReadOnlyList<int> layers) => new(layers[^1], Math.Max(inputs, layers.Max()), inputs + layers.Sum(n => (long)n));

    /// <exception cref="ArgumentException">When a step of <paramref name="batch"/> examples passes the engine's
    /// bound on units × examples.</exception>
    public static void CheckUnits(NetworkSize size, int batch, EngineKind engine)
    {
        long limit = EngineLimits.Of(engine).UnitsTimesExamples;
        if (size.Units * batch > limit)
            throw new ArgumentException(
                $"Expected at most {limit:N0} examples × units (inputs plus neurons) in one step for the {KindNames.Engines.Of(engine)} engine, got {batch:N0} × {size.Units:N0}: " +
                "a step keeps about 6 numbers per unit per example. Use a smaller batch or a smaller network.");
    }

    private static IEnumerable<int> Linears<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (module is Linear<T> linear) yield return linear.OutputCount;
        foreach (var (_, child) in module.Children)
            foreach (int n in Linears(child)) yield return n;
    }
}
