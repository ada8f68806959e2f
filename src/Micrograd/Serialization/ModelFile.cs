using System.Text.Json;
using System.Text.Json.Serialization;
using Micrograd.Nn;

namespace Micrograd.Serialization;

/// <summary>
/// Saves and loads an <see cref="MLP"/> as JSON: its architecture (inputs, layer sizes, activations) and every
/// parameter, plus optional notes (such as the loss it was trained with). Saving is atomic.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the file's "format" field.</summary>
    public const string Format = "micrograd-mlp";

    /// <summary>The version of the layout this code writes and reads.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, atomically: a crash midway leaves
    /// any earlier file untouched.</summary>
    /// <param name="model">The network to save.</param>
    /// <param name="path">Where to write.</param>
    /// <param name="notes">Optional notes stored beside the model, such as "loss" or "dataset".</param>
    public static void Save(MLP model, string path, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.WriteAllText(path, ToJson(model, notes));
    }

    /// <summary>The JSON text <see cref="Save"/> writes.</summary>
    public static string ToJson(MLP model, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var file = new FileDto(Format, Version, model.InputCount,
            model.Layers.Select(l => new LayerDto(
                l.OutputCount,
                l.Neurons[0].Activation.Name(),
                l.Neurons.Select(n => n.Weights.Select(w => w.Data).ToArray()).ToArray(),
                l.Neurons.Select(n => n.Bias.Data).ToArray())).ToArray(),
            notes?.ToDictionary());
        return JsonSerializer.Serialize(file, Options);
    }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    /// <exception cref="ModelFormatException">When the file is not a valid model file.</exception>
    public static LoadedModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such model file: {path}", path);
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Reads a model from JSON text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ModelFormatException">When the text is not a valid model file.</exception>
    public static LoadedModel FromJson(string json, string source = "the model file")
    {
        FileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source} is not valid model JSON: {e.Message}");
        }
        if (file is null || file.Format != Format)
            throw new ModelFormatException($"{source} is not a micrograd model: expected \"format\": \"{Format}\", got {(file?.Format is null ? "none" : $"\"{file.Format}\"")}.");
        if (file.Version != Version)
            throw new ModelFormatException($"{source} has layout version {file.Version}; this version of Micrograd reads version {Version}.");
        if (file.Layers is not { Length: > 0 })
            throw new ModelFormatException($"{source} has no layers.");
        int missing = Array.IndexOf(file.Layers, null);
        if (missing >= 0)
            throw new ModelFormatException($"{source}, layer {missing + 1}: expected a layer object, got null.");
        if (file.Inputs <= 0)
            throw new ModelFormatException($"{source} says the model has {file.Inputs} inputs; expected at least 1.");

        var activations = new Activation[file.Layers.Length];
        for (int l = 0; l < activations.Length; l++)
        {
            try { activations[l] = Activations.Parse(file.Layers[l].Activation ?? ""); }
            catch (ArgumentException e) { throw new ModelFormatException($"{source}, layer {l + 1}: {e.Message}"); }
        }
        for (int l = 1; l < activations.Length - 1; l++)
            if (activations[l] != activations[0])
                throw new ModelFormatException($"{source}: expected every hidden layer to share one activation, but layer 1 is {activations[0]} and layer {l + 1} is {activations[l]}.");

        var sizes = file.Layers.Select(l => l.Size).ToArray();
        MLP model;
        try
        {
            model = new MLP(file.Inputs, sizes, activations[0], activations[^1]);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source} describes an impossible network: {e.Message}");
        }
        CopyParameters(file, model, source);
        return new LoadedModel(model, file.Notes ?? []);
    }

    /// <summary>Loads the parameters saved in <paramref name="path"/> into an existing
    /// <paramref name="model"/> of the same architecture.</summary>
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

    /// <summary>The architecture in words, such as "2-16-16-1 (ReLU, Linear output)".</summary>
    public static string Shape(MLP model) =>
        $"{model.InputCount}-{string.Join("-", model.Layers.Select(l => l.OutputCount))} " +
        $"({model.Layers[0].Neurons[0].Activation.Name()}, {model.Layers[^1].Neurons[0].Activation.Name()} output)";

    private static void CopyParameters(FileDto file, MLP model, string source)
    {
        int nin = file.Inputs;
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var dto = file.Layers![l];
            var layer = model.Layers[l];
            if (dto.Weights is null || dto.Weights.Length != dto.Size || dto.Biases is null || dto.Biases.Length != dto.Size)
                throw new ModelFormatException($"{source}, layer {l + 1}: expected {dto.Size} rows of weights and {dto.Size} biases.");
            for (int n = 0; n < dto.Size; n++)
            {
                var w = dto.Weights[n];
                if (w is null || w.Length != nin)
                    throw new ModelFormatException($"{source}, layer {l + 1}, neuron {n + 1}: expected {nin} weights, got {w?.Length ?? 0}.");
                for (int i = 0; i < nin; i++) layer.Neurons[n].Weights[i].Data = w[i];
                layer.Neurons[n].Bias.Data = dto.Biases[n];
            }
            nin = dto.Size;
        }
    }

    private sealed record FileDto(string? Format, int Version, int Inputs, LayerDto[]? Layers, Dictionary<string, string>? Notes);

    private sealed record LayerDto(int Size, string? Activation, double[][]? Weights, double[]? Biases);
}

/// <summary>A model read from a file, with the notes saved beside it.</summary>
/// <param name="Model">The network, ready to use.</param>
/// <param name="Notes">Whatever notes were saved with it (empty if none).</param>
public sealed record LoadedModel(MLP Model, IReadOnlyDictionary<string, string> Notes);

/// <summary>A model file that cannot be read: corrupt, of another format, or of another shape.</summary>
public sealed class ModelFormatException(string message) : FormatException(message);
