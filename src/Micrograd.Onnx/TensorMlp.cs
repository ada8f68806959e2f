using System.Numerics;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx;

/// <summary>The tensor MLP (<see cref="TensorMLP{T}"/>) to and from an <see cref="MlpDescription"/>.</summary>
internal static class TensorMlp
{
    /// <summary>The layers of <paramref name="model"/>, its weights copied (a Linear's weight is [in, out]; the
    /// description's [out, in]).</summary>
    public static MlpDescription Describe<T>(TensorMLP<T> model, bool outputSoftmax) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = model.Layers.Select((layer, l) =>
        {
            int nin = layer.InputCount, nout = layer.OutputCount;
            var w = layer.Weight.ToArray();
            var weights = new double[nin * nout];
            for (int o = 0; o < nout; o++)
                for (int i = 0; i < nin; i++) weights[o * nin + i] = double.CreateChecked(w[i * nout + o]);
            var biases = layer.Bias.ToArray().Select(double.CreateChecked).ToArray();
            return new DenseLayer(nin, nout, weights, biases, model.Activations[l]);
        }).ToArray();
        return new MlpDescription(model.InputCount, layers, outputSoftmax);
    }

    /// <summary>A new tensor MLP holding <paramref name="mlp"/>'s weights, rounded to <typeparamref name="T"/>.</summary>
    /// <exception cref="OnnxUnsupportedException">When the hidden layers differ in activation.</exception>
    public static TensorMLP<T> Build<T>(MlpDescription mlp, string source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (hidden, output) = ScalarMlp.Activations(mlp, source);
        var model = new TensorMLP<T>(mlp.InputCount, mlp.Layers.Select(l => l.OutputCount).ToArray(), hidden, output);
        for (int l = 0; l < mlp.Layers.Count; l++)
        {
            var from = mlp.Layers[l];
            int nin = from.InputCount, nout = from.OutputCount;
            var w = new T[nin * nout];
            for (int o = 0; o < nout; o++)
                for (int i = 0; i < nin; i++) w[i * nout + o] = T.CreateChecked(from.Weights[o * nin + i]);
            model.Layers[l].Weight.CopyFrom(w);
            model.Layers[l].Bias.CopyFrom(from.Biases.Select(T.CreateChecked).ToArray());
        }
        return model;
    }
}
