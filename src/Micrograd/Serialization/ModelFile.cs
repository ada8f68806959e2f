using System.Numerics;
using System.Text;
using System.Text.Json;
using Micrograd.Nn;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Serialization;

/// <summary>Saves and loads an <see cref="MLP"/> or a <see cref="TensorMLP{T}"/> as JSON, with its precision
/// and optional notes. Saving is atomic; loading checks the size, the declared shapes and every number before
/// a network is built.</summary>
public static class ModelFile
{
    public const string Format = "micrograd-mlp";

    /// <summary>Version 2 added "network" and "precision"; version 1 files (scalar MLPs) are still read.</summary>
    public const int Version = 2;

    /// <summary>In bytes (64 MiB), checked before reading: room for <see cref="MaxParameters"/> parameters at
    /// about 40 bytes each.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>64 MB of Values.</summary>
    public const int MaxParameters = 1_000_000;

    /// <summary>Atomic: a crash midway leaves any earlier file untouched. <paramref name="notes"/> are stored
    /// beside the model, such as "loss" or "dataset".</summary>
    public static void Save(MLP model, string path, IReadOnlyDictionary<string, string>? notes = null) =>
        AtomicFile.WriteAllText(path, ToJson(model, notes));

    /// <summary>Atomic, with the precision; the numbers are saved exactly.</summary>
    public static void Save<T>(TensorMLP<T> model, string path, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AtomicFile.WriteAllText(path, ToJson(model, notes));

    public static string ToJson(MLP model, IReadOnlyDictionary<string, string>? notes = null) =>
        ToJson(MlpWeights.Of(model), NetworkKind.MLP, Precision.Float64, notes);

    public static string ToJson<T>(TensorMLP<T> model, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ToJson(MlpWeights.Of(model), NetworkKind.TensorMLP, typeof(T) == typeof(float) ? Precision.Float32 : Precision.Float64, notes);

    /// <exception cref="ArgumentException">For a scalar <see cref="NetworkKind.MLP"/> in float32: Values hold
    /// float64.</exception>
    public static string ToJson(MlpWeights weights, NetworkKind network, Precision precision, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (network == NetworkKind.MLP && precision != Precision.Float64)
            throw new ArgumentException($"Expected float64 for a scalar MLP (Values hold doubles), got {KindNames.Precisions.Of(precision)}.", nameof(precision));
        var file = new ModelFileDto(Format, Version, KindNames.Networks.Of(network), KindNames.Precisions.Of(precision), weights.InputCount,
            weights.Layers.Select(l => new LayerDto(
                l.OutputCount,
                l.Activation.Name(),
                Enumerable.Range(0, l.OutputCount).Select(n => l.Weights.AsSpan(n * l.InputCount, l.InputCount).ToArray()).ToArray(),
                l.Biases)).ToArray(),
            notes?.ToDictionary());
        return JsonSerializer.Serialize(file, ModelFileJsonContext.Default.ModelFileDto);
    }

    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    /// <exception cref="ModelFormatException">When the file is larger than <see cref="MaxFileBytes"/> or is
    /// not a valid model file.</exception>
    public static LoadedModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such model file: {path}", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, path);
    }

    /// <summary>Refuses more than <see cref="MaxFileBytes"/>; <paramref name="source"/> names the stream in
    /// error messages.</summary>
    /// <exception cref="ModelFormatException">When the stream is too long or is not a valid model file.</exception>
    public static LoadedModel Read(Stream stream, string source = "the model file")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(BoundedRead.All(stream, MaxFileBytes, size => TooLarge(source, size)), source);
    }

    /// <summary><paramref name="source"/> names the text in error messages.</summary>
    /// <exception cref="ModelFormatException">When the text is not a valid model file.</exception>
    public static LoadedModel FromJson(string json, string source = "the model file")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), source);
    }

    /// <exception cref="ModelFormatException">When the file holds a network of another shape.</exception>
    public static void LoadInto(MLP model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loaded = Load(path).Model;
        if (Shape(loaded) != Shape(model))
            throw new ModelFormatException($"{path} holds a {Shape(loaded)} network; expected {Shape(model)}.");
        var from = loaded.Parameters();
        var to = model.Parameters();
        for (int i = 0; i < to.Count; i++) to[i].Data = from[i].Data;
    }

    /// <summary>Such as "2-16-16-1 (ReLU, Linear output)".</summary>
    public static string Shape(MLP model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return MlpWeights.Describe(model.InputCount, model.Layers.Select(l => l.OutputCount), model.Layers[0].Neurons[0].Activation, model.Layers[^1].Neurons[0].Activation);
    }

    private static LoadedModel Read(ReadOnlySpan<byte> utf8, string source)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..]; // a byte-order mark, as some editors write
        ModelFileDto? file;
        try
        {
            file = JsonSerializer.Deserialize(utf8, ModelFileJsonContext.Default.ModelFileDto);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source} is not valid model JSON: {e.Message}");
        }
        if (file is null || file.Format != Format)
            throw new ModelFormatException($"{source} is not a micrograd model: expected \"format\": \"{Format}\", got {(file?.Format is null ? "none" : $"\"{file.Format}\"")}.");
        var (network, precision) = ModelFileCheck.Kind(file, source);
        var layers = ModelFileCheck.Layers(file, precision, source);
        var activations = ModelFileCheck.Activations(layers, source);

        // Every shape now matches the numbers present, so building allocates no more than the file holds.
        int inputs = file.Inputs;
        var weights = new LayerWeights[layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var w = new double[(long)layer.Size * inputs];
            for (int n = 0; n < layer.Size; n++) layer.Weights![n].CopyTo(w, n * inputs);
            weights[l] = new LayerWeights(inputs, layer.Size, w, layer.Biases!, activations[l]);
            inputs = layer.Size;
        }
        var mlp = new MlpWeights(file.Inputs, weights);
        ModelFileCheck.SharedHiddenActivation(mlp, source);
        return new LoadedModel(mlp, network, precision, file.Notes ?? []);
    }

    private static ModelFormatException TooLarge(string source, long? bytes) =>
        new($"{source} is {(bytes is { } b ? $"{b:N0} bytes" : "larger than that")}; a model file is at most {MaxFileBytes:N0} bytes ({MaxFileBytes >> 20} MiB).");
}

/// <summary>Which class a model file's network came from, and is best run as.</summary>
public enum NetworkKind
{
    MLP,
    TensorMLP,
}

/// <summary>A model read from a file, with the notes saved beside it.</summary>
public sealed class LoadedModel
{
    private MLP? _model;

    internal LoadedModel(MlpWeights weights, NetworkKind network, Precision precision, IReadOnlyDictionary<string, string> notes) =>
        (Weights, Network, Precision, Notes) = (weights, network, precision, notes);

    /// <summary>A scalar MLP read from elsewhere (such as an ONNX file), with its notes.</summary>
    public LoadedModel(MLP model, IReadOnlyDictionary<string, string> notes)
        : this(MlpWeights.Of(model), NetworkKind.MLP, Precision.Float64, notes ?? throw new ArgumentNullException(nameof(notes))) => _model = model;

    public MlpWeights Weights { get; }

    public NetworkKind Network { get; }

    public Precision Precision { get; }

    /// <summary>Empty if none.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    /// <summary>Built on first use; a tensor MLP's numbers in float64.</summary>
    public MLP Model => _model ??= Weights.ToMLP();

    /// <summary>Computed as the network was trained: a tensor MLP on tensors in its precision.</summary>
    /// <exception cref="ArgumentException">For a row with the wrong number of inputs.</exception>
    public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return (Network, Precision) switch
        {
            (NetworkKind.TensorMLP, Precision.Float32) => TensorStep<float>.Predict(Weights.ToTensorMLP<float>(), inputs),
            (NetworkKind.TensorMLP, _) => TensorStep<double>.Predict(Weights.ToTensorMLP<double>(), inputs),
            _ => [.. inputs.Select(x => Model.Forward(x).Select(v => v.Data).ToArray())],
        };
    }
}

/// <summary>A model file that cannot be read: corrupt, of another format, or of another shape.</summary>
public sealed class ModelFormatException(string message) : FormatException(message);
