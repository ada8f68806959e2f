using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>
/// One node of a tensor graph: the op that made a tensor, the inputs it read and whatever it saved for the
/// backward pass. Each op is one class with its forward (a static <c>Apply</c>) and its backward side by side.
/// </summary>
internal abstract class Function<T>(Tensor<T> a, Tensor<T>? b = null) where T : unmanaged, IFloatingPointIeee754<T>
{
    public Tensor<T> A { get; } = a;
    public Tensor<T>? B { get; } = b;

    /// <summary>A short name for messages ("matmul", "+", "tanh").</summary>
    public abstract string Name { get; }

    /// <summary>Adds d(loss)/d(input) to the gradient of each input that requires one
    /// (<see cref="Tensor{T}.GradientSpan"/>), given the output and d(loss)/d(output).</summary>
    public abstract void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput);

    /// <summary>A tensor of <paramref name="shape"/> for an op's result, its array from <see cref="TensorPool{T}"/>:
    /// zeros if <paramref name="zeroed"/> (for ops that add into it), otherwise to be overwritten.</summary>
    public static Tensor<T> Output(int[] shape, bool requiresGrad, bool zeroed = false) =>
        new(TensorPool<T>.Rent(Shape.Count(shape), zeroed), shape, requiresGrad, pooled: true);
}
