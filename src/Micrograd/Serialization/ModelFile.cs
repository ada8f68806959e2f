using System.Text;
using System.Text.Json;
using Micrograd.Nn;

namespace Micrograd.Serialization;

/// <summary>
/// Saves and loads an <see cref="MLP"/> as JSON: its architecture (inputs, layer sizes, activations) and every
/// parameter, plus optional notes (such as the loss it was trained with). Saving is atomic; loading trusts
/// nothing in the file: its size, the shapes it declares and every number are checked before a network is
/// built.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the file's "format" field.</summary>
    public const string Format = "micrograd-mlp";

    /// <summary>The version of the layout this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The largest file <see cref="Load"/> reads, in bytes (64 MiB), checked before reading: room
    /// for <see cref="MaxParameters"/> parameters as <see cref="Save"/> writes them (about 40 bytes each).</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The most parameters a loaded model may have: a million, 64 MB of Values.</summary>
    public const int MaxParameters = 1_000_000;

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
        var file = new ModelFileDto(Format, Version, model.InputCount,
            model.Layers.Select(l => new LayerDto(
                l.OutputCount,
                l.Neurons[0].Activation.Name(),
                l.Neurons.Select(n => n.Weights.Select(w => w.Data).ToArray()).ToArray(),
                l.Neurons.Select(n => n.Bias.Data).ToArray())).ToArray(),
            notes?.ToDictionary());
        return JsonSerializer.Serialize(file, ModelFileJsonContext.Default.ModelFileDto);
    }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
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

    /// <summary>Reads a model from <paramref name="stream"/> (such as an upload), refusing more than
    /// <see cref="MaxFileBytes"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ModelFormatException">When the stream is too long or is not a valid model file.</exception>
    public static LoadedModel Read(Stream stream, string source = "the model file")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(ReadAtMost(stream, MaxFileBytes, source), source);
    }

    /// <summary>Reads a model from JSON text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ModelFormatException">When the text is not a valid model file.</exception>
    public static LoadedModel FromJson(string json, string source = "the model file")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), source);
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
        if (file.Version != Version)
            throw new ModelFormatException($"{source} has layout version {file.Version}; this version of Micrograd reads version {Version}.");
        var layers = ModelFileCheck.Layers(file, source);
        var activations = ModelFileCheck.Activations(layers, source);

        // Every shape now matches the numbers present, so building allocates no more than the file holds.
        var model = new MLP(file.Inputs, layers.Select(l => l.Size).ToArray(), activations[0], activations[^1]);
        for (int l = 0; l < layers.Length; l++)
        {
            for (int n = 0; n < layers[l].Size; n++)
            {
                var neuron = model.Layers[l].Neurons[n];
                var weights = layers[l].Weights![n];
                for (int i = 0; i < weights.Length; i++) neuron.Weights[i].Data = weights[i];
                neuron.Bias.Data = layers[l].Biases![n];
            }
        }
        return new LoadedModel(model, file.Notes ?? []);
    }

    // The whole stream, refusing one longer than `max` without reading past it (a pipe or a device has no length to check first).
    private static byte[] ReadAtMost(Stream stream, long max, string source)
    {
        if (stream.CanSeek && stream.Length - stream.Position > max) throw TooLarge(source, stream.Length - stream.Position);
        var buffer = new MemoryStream(stream.CanSeek ? (int)(stream.Length - stream.Position) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(source, null);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ModelFormatException TooLarge(string source, long? bytes) =>
        new($"{source} is {(bytes is { } b ? $"{b:N0} bytes" : "larger than that")}; a model file is at most {MaxFileBytes:N0} bytes ({MaxFileBytes >> 20} MiB).");
}

/// <summary>A model read from a file, with the notes saved beside it.</summary>
/// <param name="Model">The network, ready to use.</param>
/// <param name="Notes">Whatever notes were saved with it (empty if none).</param>
public sealed record LoadedModel(MLP Model, IReadOnlyDictionary<string, string> Notes);

/// <summary>A model file that cannot be read: corrupt, of another format, or of another shape.</summary>
public sealed class ModelFormatException(string message) : FormatException(message);
