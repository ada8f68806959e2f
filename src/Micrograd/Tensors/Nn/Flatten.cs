using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.Flatten: dimensions startDim to endDim made one (by default all but the first, the batch).</summary>
public sealed class Flatten<T>(int startDim = 1, int endDim = -1) : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int StartDim => startDim;

    public int EndDim => endDim;

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Flatten(startDim, endDim);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["start_dim"] = startDim, ["end_dim"] = endDim };

    protected override string Describe() => $"start_dim={startDim}, end_dim={endDim}";
}
