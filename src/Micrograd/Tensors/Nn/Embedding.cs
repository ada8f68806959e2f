using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.Embedding: a table of <see cref="Weight"/> [count, dim], one learned row per token; the
/// input holds token indices (whole numbers, in a tensor of any shape) and the output adds a last axis of dim.
/// Weights start normal(0, 1), as PyTorch's.</summary>
public sealed class Embedding<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <remarks>A null rng is a new one with the default seed.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">When a size is 0 or less.</exception>
    public Embedding(int count, int dim, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim);
        rng ??= new Rng();
        Weight = Parameter("weight", [count, dim], w =>
        {
            for (int i = 0; i < w.Length; i++) w[i] = T.CreateChecked(rng.Gaussian());
        });
    }

    /// <summary>Shape [count, dim].</summary>
    public Tensor<T> Weight { get; }

    public int Count => Weight.Dims[0];

    public int Dim => Weight.Dims[1];

    /// <exception cref="ArgumentException">For an index that is not a whole number in [0, count).</exception>
    public override Tensor<T> Forward(Tensor<T> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return Weight.Take(indices);
    }

    /// <summary>The rows of <paramref name="indices"/>, seen in <paramref name="shape"/>.</summary>
    public Tensor<T> Forward(int[] indices, int[] shape) => Weight.Take(indices, shape);

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["num_embeddings"] = Count, ["embedding_dim"] = Dim };

    protected override string Describe() => $"{Count}, {Dim}";
}
