using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>One node of a tensor graph, as teenygrad's Function: an op is a class whose <see cref="Forward"/>
/// computes the output (keeping what its backward needs) beside its <see cref="Backward"/>. The graph is wired
/// here alone, in <see cref="Apply"/>.</summary>
internal abstract class Function<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _inputs;

    /// <param name="inputs">Every tensor the output is computed from, those that take no gradient (such as
    /// indices) included, so that the graph shows them.</param>
    protected Function(params Tensor<T>[] inputs)
    {
        _inputs = inputs;
        if (!Tensor.IsGradEnabled) return;
        foreach (var input in inputs) RequiresGrad |= input.RequiresGrad;
    }

    public ReadOnlySpan<Tensor<T>> Inputs => _inputs;

    /// <summary>The first input.</summary>
    public Tensor<T> A => _inputs[0];

    /// <summary>The second input.</summary>
    public Tensor<T> B => _inputs[1];

    /// <summary>True when the output takes part in gradients: an input requires one, outside
    /// <see cref="Tensor.NoGrad"/>.</summary>
    protected bool RequiresGrad { get; }

    /// <summary>A short name for messages ("matmul", "+", "tanh").</summary>
    public abstract string Name { get; }

    /// <summary>Runs the op and, when its output takes part in gradients, records this node as its creator.</summary>
    public Tensor<T> Apply()
    {
        var output = Forward();
        if (RequiresGrad) output.Creator = this;
        return output;
    }

    protected abstract Tensor<T> Forward();

    /// <summary>Adds d(loss)/d(input) into <see cref="Tensor{T}.GradientSpan"/> of each input that requires one.</summary>
    public abstract void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput);

    /// <summary>From <see cref="TensorPool{T}"/>: zeros if <paramref name="zeroed"/>, else to be overwritten.</summary>
    protected Tensor<T> Output(int[] shape, bool zeroed = false) =>
        new(TensorPool<T>.Rent(Shapes.Count(shape), zeroed), shape, RequiresGrad, pooled: true);
}
