namespace Micrograd.Nn;

public enum Activation
{
    /// <summary>None: the weighted sum itself (micrograd's output layer).</summary>
    Linear,
    /// <summary>max(0, x), micrograd's default.</summary>
    ReLU,
    Tanh,
    Sigmoid,
}

public static class Activations
{
    /// <summary>The word for each activation in model files and on the command line, in the order help texts list them.</summary>
    public static NameTable<Activation> Words { get; } = new("an activation",
        (Activation.ReLU, "relu"), (Activation.Tanh, "tanh"), (Activation.Sigmoid, "sigmoid"), (Activation.Linear, "linear"));

    public static Value Apply(this Activation activation, Value x) => activation switch
    {
        Activation.Linear => x,
        Activation.ReLU => x.Relu(),
        Activation.Tanh => x.Tanh(),
        Activation.Sigmoid => x.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Linear, ReLU, Tanh or Sigmoid."),
    };

    /// <summary>The name micrograd prints before "Neuron": "ReLU", "Tanh", "Sigmoid" or "Linear".</summary>
    public static string Name(this Activation activation) => Enum.IsDefined(activation)
        ? activation.ToString()
        : throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Linear, ReLU, Tanh or Sigmoid.");

    /// <summary>Any case, as <see cref="Words"/>.</summary>
    /// <exception cref="ArgumentException">For an unknown name, listing the known ones.</exception>
    public static Activation Parse(string name) => Words.Parse(name);
}
