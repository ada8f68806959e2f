using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Functions;

/// <summary>The same elements in another shape. The result shares the input's storage (a view, as in
/// PyTorch): it follows the input when a graph is released. Its gradient passes back unchanged.</summary>
internal sealed class Reshape<T>(Tensor<T> a, int[] shape) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "reshape";

    /// <summary>One dimension may be -1: it is then inferred from the others.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold the input's elements.</exception>
    public static int[] Resolved(int[] shape, int count, int[] from)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        int unknown = Array.IndexOf(resolved, -1);
        if (unknown >= 0 && Array.IndexOf(resolved, -1, unknown + 1) < 0)
        {
            resolved[unknown] = 1;
            int rest = resolved.Any(d => d < 0) ? -1 : Shapes.Count(resolved);
            resolved[unknown] = rest <= 0 || count % rest != 0 ? -2 : count / rest; // -2: no whole size fits
        }
        if (resolved.Length > Shapes.MaxRank || resolved.Any(d => d < 0) || Shapes.Count(resolved) != count)
            throw new ArgumentException($"Expected a shape of {count} elements to reshape {Shapes.Format(from)} into, got {Shapes.Format(shape)}.", nameof(shape));
        return resolved;
    }

    protected override Tensor<T> Forward() => new(A, Resolved(shape, A.Count, A.Dims), RequiresGrad);

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        TensorPrimitives.Add(grad, gradOutput, grad);
    }
}
