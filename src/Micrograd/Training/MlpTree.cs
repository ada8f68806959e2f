using System.Globalization;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary>An MLP as a module tree, the way <see cref="TensorMLP{T}"/> builds it: a Sequential of Linear layers
/// ("0", "2", ...), each followed by its activation module unless it is linear; and back, for a tree of that form.</summary>
internal static class MlpTree
{
    private static readonly Dictionary<string, Activation> ByKind = new()
    {
        ["ReLU"] = Activation.ReLU,
        ["Tanh"] = Activation.Tanh,
        ["Sigmoid"] = Activation.Sigmoid,
    };

    public static ModuleSpec Spec(MlpWeights weights)
    {
        var children = new List<(string, ModuleSpec)>();
        foreach (var layer in weights.Layers)
        {
            children.Add((Name(children.Count), new ModuleSpec("Linear",
                new Dictionary<string, double> { ["in_features"] = layer.InputCount, ["out_features"] = layer.OutputCount, ["bias"] = 1 }, [])));
            if (layer.Activation != Activation.Linear)
                children.Add((Name(children.Count), new ModuleSpec(ActivationModules.Of<double>(layer.Activation)!.Kind, new Dictionary<string, double>(), [])));
        }
        return new ModuleSpec("Sequential", new Dictionary<string, double>(), children);
    }

    /// <summary>In the tree's order: each layer's weight [out, in], then its bias [out].</summary>
    public static ModelParameter[] Parameters(MlpWeights weights)
    {
        var parameters = new List<ModelParameter>();
        int index = 0;
        foreach (var layer in weights.Layers)
        {
            parameters.Add(new($"{Name(index)}.weight", [layer.OutputCount, layer.InputCount], (double[])layer.Weights.Clone()));
            parameters.Add(new($"{Name(index)}.bias", [layer.OutputCount], (double[])layer.Biases.Clone()));
            index += layer.Activation == Activation.Linear ? 1 : 2;
        }
        return [.. parameters];
    }

    /// <summary>The MLP a tree of the form above holds, or null for any other tree.</summary>
    public static MlpWeights? Of(ModuleSpec spec, IReadOnlyList<ModelParameter> parameters)
    {
        if (spec.Kind != "Sequential" || spec.Children.Count == 0) return null;
        var byName = parameters.ToDictionary(p => p.Name);
        var layers = new List<LayerWeights>();
        var children = spec.Children;
        for (int i = 0; i < children.Count; i++)
        {
            var (name, linear) = children[i];
            if (name != Name(i) || linear.Kind != "Linear" || linear.Settings.GetValueOrDefault("bias") != 1) return null;
            if (!byName.TryGetValue($"{name}.weight", out var w) || !byName.TryGetValue($"{name}.bias", out var b) || w.Dims is not [var outputs, var inputs])
                return null;
            var activation = Activation.Linear;
            if (i + 1 < children.Count && children[i + 1].Spec.Kind != "Linear")
            {
                if (children[i + 1].Name != Name(i + 1) || !ByKind.TryGetValue(children[i + 1].Spec.Kind, out activation)) return null;
                i++;
            }
            if (layers.Count > 0 && layers[^1].OutputCount != inputs) return null;
            layers.Add(new LayerWeights(inputs, outputs, (double[])w.Data.Clone(), (double[])b.Data.Clone(), activation));
        }
        return layers.Count == 0 ? null : new MlpWeights(layers[0].InputCount, layers);
    }

    private static string Name(int index) => index.ToString(CultureInfo.InvariantCulture);
}
