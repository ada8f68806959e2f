namespace Micrograd.Training;

/// <summary>A parameter as a trained network or a model file holds it: its state-dict name ("0.weight", "attn.c_proj.bias"), its
/// shape and its numbers, row-major, widened to double (a float32 model's numbers exactly).</summary>
public sealed class ModelParameter
{
    internal ModelParameter(string name, int[] shape, double[] values) => (Name, Dims, Data) = (name, shape, values);

    public string Name { get; }

    public IReadOnlyList<int> Shape => Array.AsReadOnly(Dims);

    public IReadOnlyList<double> Values => Array.AsReadOnly(Data);

    internal int[] Dims { get; }

    internal double[] Data { get; }
}
