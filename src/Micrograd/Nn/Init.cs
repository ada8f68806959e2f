namespace Micrograd.Nn;

/// <summary>How a layer's weights start out. Biases start at 0, except with <see cref="PyTorch"/>.</summary>
public enum Init
{
    /// <summary>micrograd's: each weight uniform in [-1, 1).</summary>
    Uniform,
    /// <summary>Uniform in [-1, 1) times nin^-0.5, so a neuron's sum keeps a similar size whatever its
    /// number of inputs (LLM101n micrograd's choice).</summary>
    Scaled,
    /// <summary>torch.nn.Linear's default: weights and biases uniform in ±1/√nin (Kaiming uniform with
    /// a = √5), drawn weights first, row by row of [out, in], then biases. Tensor layers only.</summary>
    PyTorch,
}
