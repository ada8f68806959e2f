using Micrograd.Onnx;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;
using Micrograd.Viz;

namespace Micrograd.Cli.Models;

/// <summary>A model that <c>predict</c>, <c>graph</c> and <c>export</c> run: a model file's module tree or an
/// ONNX graph, built once as a tensor module in its precision, with its notes and what it takes per example.</summary>
internal sealed class LoadedNetwork
{
    private readonly Module<float>? _single;
    private readonly Module<double>? _double;
    private int[]? _outputShape;

    private LoadedNetwork(string path, Module<float>? single, Module<double>? twice, ModelInput? input, IReadOnlyDictionary<string, string> notes, string description, bool fromOnnx)
    {
        (Path, _single, _double, Notes, Description, FromOnnx) = (path, single, twice, notes, description, fromOnnx);
        Input = input ?? throw new CliException($"--model: {path} does not say what it takes per example (its first layers give no size), so it cannot be run");
    }

    /// <summary>The network's tree and numbers, to train further.</summary>
    /// <exception cref="CliException">For a model that does not take a row of numbers per example and give one
    /// of outputs.</exception>
    public TrainedNetwork Snapshot()
    {
        if (Input.Indices || Input.Shape.Count != 1 || OutputShape.Count != 1)
            throw new CliException($"--model: {Path} takes {Input} and gives [batch, {string.Join(", ", OutputShape)}]; train takes a row of numbers per example and a row of outputs.");
        return _single is { } f ? TrainedNetwork.Of(f, Input.Count, OutputCount) : TrainedNetwork.Of(_double!, Input.Count, OutputCount);
    }

    public static LoadedNetwork Of(LoadedModel model, string path) => new(path,
        model.Precision == Precision.Float32 ? model.ToModule<float>() : null,
        model.Precision == Precision.Float64 ? model.ToModule<double>() : null,
        model.Input, model.Notes, model.IsMlp ? $"MLP {model.Weights.Shape}" : Kinds(model.Spec), fromOnnx: false);

    public static LoadedNetwork Of(OnnxModel model, string path) => new(path,
        model.ElementType == OnnxElementType.Float32 ? model.ToModule<float>() : null,
        model.ElementType == OnnxElementType.Float64 ? model.ToModule<double>() : null,
        model.Input, model.Notes,
        model.IsMlp ? $"MLP {Training.MlpWeights.Of(model.ToTensorMLP<double>()).Shape}{(model.OutputSoftmax ? " + Softmax" : "")}"
            : model.Spec is { } spec ? Kinds(spec) : model.ToString(), fromOnnx: true);

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Notes { get; }

    public ModelInput Input { get; }

    /// <summary>Such as "MLP 2-16-16-1 (ReLU, Linear output)" or "Sequential(Embedding, Flatten, Linear, Tanh, Linear)".</summary>
    public string Description { get; }

    /// <summary>An ONNX graph is exported as it is; a model file gets a Softmax where it was trained with cross-entropy.</summary>
    public bool FromOnnx { get; }

    public Precision Precision => _single is not null ? Precision.Float32 : Precision.Float64;

    /// <summary>The dimensions of one example's output, from a forward pass on one example.</summary>
    public IReadOnlyList<int> OutputShape => _outputShape ??= _single is { } f ? OneExample(f) : OneExample(_double!);

    public int OutputCount => OutputShape.Aggregate(1, (n, d) => n * d);

    /// <summary>The module's last module, such as "Softmax", or its own kind.</summary>
    public string LastKind => _single is { } f ? Last(f).Kind : Last(_double!).Kind;

    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> rows) =>
        _single is { } f ? Predictions.Of(f, Input, rows) : Predictions.Of(_double!, Input, rows);

    public byte[] ToOnnx(OnnxExportOptions options) =>
        _single is { } f ? OnnxFile.ToBytes(f, options with { Input = Input }) : OnnxFile.ToBytes(_double!, options with { Input = Input });

    /// <summary>The tensor graph of output <paramref name="output"/> (from 1) on one example, as DOT.</summary>
    public string Graph(double[] example, IReadOnlyList<string> inputNames, int output, int maxNodes) =>
        _single is { } f ? Graphs.ModelGraph.Dot(f, Input, example, inputNames, output, maxNodes) : Graphs.ModelGraph.Dot(_double!, Input, example, inputNames, output, maxNodes);

    private int[] OneExample<T>(Module<T> module) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var noGrad = Tensor.NoGrad();
        module.Eval();
        return [.. module.Forward(Tensor<T>.Zeros([1, .. Input.Shape])).Shape.Skip(1)];
    }

    private static Module<T> Last<T>(Module<T> module) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        module is Sequential<T> { Count: > 0 } s ? Last(s[s.Count - 1]) : module;

    private static string Kinds(ModuleSpec spec) =>
        spec.Kind == "Sequential" ? $"Sequential({string.Join(", ", spec.Children.Select(c => c.Spec.Kind))})" : spec.Kind;
}
