using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Functions;

/// <summary>The same elements in another shape. The result shares the input's storage (a view, as in
/// PyTorch), and its gradient passes back unchanged.</summary>
internal sealed class Reshape<T>(Tensor<T> a) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "reshape";

    /// <summary>One dimension may be -1: it is then inferred from the others.</summary>
    public static Tensor<T> Apply(Tensor<T> a, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        int unknown = Array.IndexOf(resolved, -1);
        if (unknown >= 0 && Array.IndexOf(resolved, -1, unknown + 1) < 0)
        {
            resolved[unknown] = 1;
            int rest = Shape.Count(resolved);
            resolved[unknown] = rest == 0 || a.Count % rest != 0 ? -2 : a.Count / rest; // -2: no whole size fits
        }
        if (resolved.Any(d => d < 0) || Shape.Count(resolved) != a.Count)
            throw new ArgumentException($"Expected a shape of {a.Count} elements to reshape {Shape.Format(a.Dims)} into, got {Shape.Format(shape)}.", nameof(shape));
        var output = new Tensor<T>(a.Data, resolved, a.RequiresGrad);
        if (output.RequiresGrad) output.Creator = new Reshape<T>(a);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        TensorPrimitives.Add(grad, gradOutput, grad);
    }
}
