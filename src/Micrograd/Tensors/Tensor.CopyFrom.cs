namespace Micrograd.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Overwrites the elements with <paramref name="values"/> (row-major), in place: for loading saved
    /// weights into a model's parameters, as PyTorch's <c>copy_</c> under <c>no_grad</c>. It records nothing in
    /// any graph and leaves <see cref="Grad"/> as it is.</summary>
    /// <exception cref="ArgumentException">When the number of values is not <see cref="Tensor.Count"/>.</exception>
    public void CopyFrom(ReadOnlySpan<T> values)
    {
        if (values.Length != Count)
            throw new ArgumentException($"Expected {Count} values for shape {Shapes.Format(Dims)}, got {values.Length}.", nameof(values));
        values.CopyTo(Data);
    }
}
