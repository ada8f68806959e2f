namespace Micrograd.Nn;

/// <summary>Anything with parameters, as PyTorch's nn.Module.</summary>
public abstract class Module
{
    /// <summary>In micrograd's order: layer by layer, neuron by neuron, weights then bias.</summary>
    public abstract IReadOnlyList<Value> Parameters();

    /// <summary>Gradients accumulate: without this each backward pass adds to the last one's.</summary>
    public void ZeroGrad()
    {
        var parameters = Parameters();
        for (int i = 0; i < parameters.Count; i++) parameters[i].Grad = 0; // a for loop: no enumerator to allocate
    }
}
