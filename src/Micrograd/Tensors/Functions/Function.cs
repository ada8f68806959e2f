using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>One node of a tensor graph. Each op is one class, its forward (a static <c>Apply</c>) beside its
/// backward.</summary>
internal abstract class Function<T>(Tensor<T> a, Tensor<T>? b = null) where T : unmanaged, IFloatingPointIeee754<T>
{
    public Tensor<T> A { get; } = a;
    public Tensor<T>? B { get; } = b;

    /// <summary>A short name for messages ("matmul", "+", "tanh").</summary>
    public abstract string Name { get; }

    /// <summary>Adds d(loss)/d(input) into <see cref="Tensor{T}.GradientSpan"/> of each input that requires one.</summary>
    public abstract void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput);

    /// <summary>From <see cref="TensorPool{T}"/>: zeros if <paramref name="zeroed"/>, else to be overwritten.</summary>
    public static Tensor<T> Output(int[] shape, bool requiresGrad, bool zeroed = false) =>
        new(TensorPool<T>.Rent(Shape.Count(shape), zeroed), shape, requiresGrad, pooled: true);
}
