namespace Micrograd.Nn;

/// <summary>How a neuron's weights start out. Biases always start at 0.</summary>
public enum Init
{
    /// <summary>micrograd's: each weight uniform in [-1, 1).</summary>
    Uniform,
    /// <summary>Uniform in [-1, 1) times nin^-0.5, so a neuron's sum keeps a similar size whatever its
    /// number of inputs (LLM101n micrograd's choice).</summary>
    Scaled,
}
