using System.Numerics;

namespace Micrograd.Tensors;

/// <summary>Thrown by <see cref="Tensor{T}.Backward(bool)"/> with anomaly detection on, at the first tensor
/// whose values or gradient hold NaN or an infinity.</summary>
public sealed class TensorAnomalyException(string message, Tensor tensor) : ArithmeticException(message)
{
    public Tensor Tensor { get; } = tensor;
}

internal static class TensorAnomaly
{
    public static void CheckValues<T>(ReadOnlySpan<TensorNode<T>> order) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var node in order)
        {
            var t = node.Tensor;
            foreach (var input in t.Creator!.Inputs)
                if (input.Creator is null) Check(input.Data, input, "the value of a leaf", null);
            Check(t.Data, t, "the value", t.Creator.Name);
        }
    }

    public static void CheckGradients<T>(Functions.Function<T> step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var input in step.Inputs)
            if (input.RequiresGrad)
                Check(input.GradientSpan(), input, $"the gradient (from the backward step of '{step.Name}') of", input.Creator?.Name);
    }

    private static void Check<T>(ReadOnlySpan<T> values, Tensor tensor, string what, string? op) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
            if (!T.IsFinite(values[i]))
                throw new TensorAnomalyException(
                    $"Anomaly: {what} {(op is null ? "a leaf" : $"the '{op}' tensor")} of shape {Shapes.Format(tensor.Dims)} is {values[i]} at element {i}.",
                    tensor);
    }
}
