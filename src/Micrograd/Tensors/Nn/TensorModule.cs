using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>Anything with tensor parameters, as <see cref="Micrograd.Nn.Module"/> for Values and PyTorch's nn.Module.</summary>
public abstract class TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The tensors that training adjusts, in a fixed order.</summary>
    public abstract IReadOnlyList<Tensor<T>> Parameters();

    /// <summary>Sets every parameter's gradient to 0, in place.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }
}
