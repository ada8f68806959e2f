using Micrograd.Nn;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Onnx.Import;

/// <summary>A chain of layers seen as an MLP, where it is one: Linear layers, each followed by ReLU, Tanh,
/// Sigmoid or nothing, and perhaps a last Softmax; Dropout and Flatten, which change nothing in inference on
/// [batch, features], may come between.</summary>
internal sealed record MlpView(MlpWeights Weights, bool Softmax)
{
    private static readonly Dictionary<string, Activation> ByKind = new() { ["ReLU"] = Activation.ReLU, ["Tanh"] = Activation.Tanh, ["Sigmoid"] = Activation.Sigmoid };

    public static MlpView? Of(ModuleSpec chain, IReadOnlyList<ModelParameter> parameters)
    {
        var byName = parameters.ToDictionary(p => p.Name);
        var layers = new List<LayerWeights>();
        bool softmax = false, activated = false;
        foreach (var (name, spec) in chain.Children)
        {
            if (softmax) return null;
            switch (spec.Kind)
            {
                case "Linear":
                    var w = byName[$"{name}.weight"];
                    var b = byName.TryGetValue($"{name}.bias", out var bias) ? (double[])bias.Data.Clone() : new double[w.Dims[0]];
                    if (layers.Count > 0 && layers[^1].OutputCount != w.Dims[1]) return null;
                    layers.Add(new LayerWeights(w.Dims[1], w.Dims[0], (double[])w.Data.Clone(), b, Activation.Linear));
                    activated = false;
                    break;
                case var kind when ByKind.TryGetValue(kind, out var activation):
                    if (layers.Count == 0 || activated) return null;
                    layers[^1] = layers[^1] with { Activation = activation };
                    activated = true;
                    break;
                case "Softmax" when layers.Count > 0 && spec.Settings["dim"] is -1 or 1:
                    softmax = true;
                    break;
                case "Dropout" or "Flatten":
                    break;
                default:
                    return null;
            }
        }
        return layers.Count == 0 ? null : new MlpView(new MlpWeights(layers[0].InputCount, layers), softmax);
    }
}
