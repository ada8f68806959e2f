using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>Anything with tensor parameters, as <see cref="Micrograd.Nn.Module"/> for Values and PyTorch's nn.Module.</summary>
public abstract class TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>In a fixed order.</summary>
    public abstract IReadOnlyList<Tensor<T>> Parameters();

    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }
}
