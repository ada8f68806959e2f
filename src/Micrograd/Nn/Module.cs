namespace Micrograd.Nn;

/// <summary>Anything with parameters, as PyTorch's nn.Module.</summary>
public abstract class Module
{
    /// <summary>The trainable Values, in a fixed order (micrograd's: layer by layer, neuron by neuron, each
    /// neuron's weights then its bias).</summary>
    public abstract IReadOnlyList<Value> Parameters();

    /// <summary>Sets every parameter's gradient to 0. Gradients accumulate, so without this each backward
    /// pass would add to the last one's.</summary>
    public void ZeroGrad()
    {
        var parameters = Parameters();
        for (int i = 0; i < parameters.Count; i++) parameters[i].Grad = 0; // a for loop: no enumerator to allocate
    }
}
