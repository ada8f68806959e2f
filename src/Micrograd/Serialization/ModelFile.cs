using System.Numerics;
using System.Text;
using System.Text.Json;
using Micrograd.Data;
using Micrograd.Modules;
using Micrograd.Nn;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Serialization;

/// <summary>Saves and loads a network as JSON: any tree of the modules in <see cref="ModuleKinds"/> (layout
/// version 3: the tree, its named parameters, its precision and notes), or an <see cref="MLP"/> of Values.
/// Saving is atomic; loading checks the size, the tree, every shape and every number before a network is built.
/// Versions 1 and 2 (MLPs) are still read.</summary>
public static class ModelFile
{
    /// <summary>The name of the first layout, kept by every version so that any of them is recognised.</summary>
    public const string Format = "micrograd-mlp";

    /// <summary>Version 3 holds a module tree; version 2 added "network" and "precision" to version 1's MLP.</summary>
    public const int Version = 3;

    /// <summary>In bytes (64 MiB), checked before reading: room for <see cref="MaxParameters"/> parameters at
    /// about 40 bytes each.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>Numbers in all parameters: 64 MB of Values, 8 MB of float64 tensors.</summary>
    public const int MaxParameters = 1_000_000;

    /// <summary>Modules in a tree (a transformer of a dozen blocks has about a hundred).</summary>
    public const int MaxModules = 10_000;

    /// <summary>Atomic: a crash midway leaves any earlier file untouched. <paramref name="notes"/> are stored
    /// beside the model, such as "loss" or "dataset". Saved as the module tree of a <see cref="TensorMLP{T}"/> in float64.</summary>
    public static void Save(MLP model, string path, IReadOnlyDictionary<string, string>? notes = null) =>
        AtomicFile.WriteAllText(path, ToJson(model, notes));

    /// <summary>Atomic, with the module tree, every parameter by its state-dict name, and the precision of
    /// <typeparamref name="T"/>; the numbers are saved exactly.</summary>
    /// <exception cref="ArgumentException">For a module whose kind <see cref="ModuleKinds"/> does not list, or a
    /// parameter that is not finite.</exception>
    public static void Save<T>(Module<T> module, string path, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AtomicFile.WriteAllText(path, ToJson(module, notes));

    public static string ToJson(MLP model, IReadOnlyDictionary<string, string>? notes = null) =>
        ToJson(MlpWeights.Of(model), NetworkKind.MLP, Precision.Float64, notes);

    /// <inheritdoc cref="Save{T}(Module{T}, string, IReadOnlyDictionary{string, string}?)"/>
    public static string ToJson<T>(Module<T> module, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckKinds(module, "");
        var parameters = module.NamedParameters().Select(p => new ParameterDto(p.Name, [.. p.Parameter.Shape], Finite(p.Name, p.Parameter))).ToArray();
        return Write(ModuleSpec.Of(module), parameters, typeof(T) == typeof(float) ? Precision.Float32 : Precision.Float64, notes);
    }

    /// <summary>An MLP's numbers, whichever kind holds them, as the module tree of a <see cref="TensorMLP{T}"/>. A
    /// number that is not finite (a diverged run's) is written as "NaN", "Infinity" or "-Infinity", which loading
    /// refuses, naming it; the module overload refuses it at once.</summary>
    /// <exception cref="ArgumentException">For a scalar <see cref="NetworkKind.MLP"/> in float32: Values hold float64.</exception>
    public static string ToJson(MlpWeights weights, NetworkKind network, Precision precision, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (network == NetworkKind.MLP && precision != Precision.Float64)
            throw new ArgumentException($"Expected float64 for a scalar MLP (Values hold doubles), got {KindNames.Precisions.Of(precision)}.", nameof(precision));
        var parameters = MlpTree.Parameters(weights).Select(p => new ParameterDto(p.Name, p.Dims, p.Data)).ToArray();
        return Write(MlpTree.Spec(weights), parameters, precision, notes);
    }

    /// <summary>A trained network's tree, numbers and precision, as it holds them. A number that is not finite
    /// (a diverged run's) is written as "NaN", "Infinity" or "-Infinity", which loading refuses.</summary>
    public static string ToJson(TrainedNetwork network, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Write(network.Spec, [.. network.Parameters.Select(p => new ParameterDto(p.Name, p.Dims, p.Data))], network.Precision, notes);
    }

    private static string Write(ModuleSpec spec, ParameterDto[] parameters, Precision precision, IReadOnlyDictionary<string, string>? notes)
    {
        var file = new ModelFileDto(Format, Version, null, KindNames.Precisions.Of(precision), null, null, ModelTree.ToDto(spec, null), parameters, notes?.ToDictionary());
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
        var loaded = Load(path);
        if (!loaded.IsMlp || Shape(loaded.Model) != Shape(model))
            throw new ModelFormatException($"{path} holds a {(loaded.IsMlp ? Shape(loaded.Model) : loaded.Spec.Kind)} network; expected {Shape(model)}.");
        var from = loaded.Model.Parameters();
        var to = model.Parameters();
        for (int i = 0; i < to.Count; i++) to[i].Data = from[i].Data;
    }

    /// <summary>Such as "2-16-16-1 (ReLU, Linear output)".</summary>
    public static string Shape(MLP model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return MlpWeights.Of(model).Shape;
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
        return file.Version switch
        {
            1 or 2 => ReadMlp(file, source),
            Version => ReadTree(file, source),
            _ => throw new ModelFormatException($"{source} has layout version {file.Version}; this version of Micrograd reads versions 1 to {Version}."),
        };
    }

    private static LoadedModel ReadTree(ModelFileDto file, string source)
    {
        if (file.Layers is not null || file.Inputs is not null || file.Network is not null)
            throw new ModelFormatException($"{source} has layout version 3, which holds \"module\" and \"parameters\", not {(file.Layers is not null ? "\"layers\"" : file.Inputs is not null ? "\"inputs\"" : "\"network\"")}.");
        if (!KindNames.Precisions.TryParse(file.Precision, out var precision))
            throw new ModelFormatException($"{source}: expected \"precision\": {KindNames.Precisions.Listed}; got {(file.Precision is null ? "none" : $"\"{file.Precision}\"")}.");
        if (file.Module is null) throw new ModelFormatException($"{source} has no \"module\"; expected the module tree.");
        var spec = ModelTree.FromDto(file.Module, source);
        var parameters = ModelTree.Parameters(file.Parameters, precision, source);
        // Every check of the tree against its numbers, once, here; then a forward pass on a sample batch, so that
        // modules that do not fit together are refused now rather than at the first prediction.
        object built = precision == Precision.Float32
            ? ModelTree.Run(ModelTree.Build<float>(spec, parameters, source), ModelInput.Of(spec), source)
            : ModelTree.Run(ModelTree.Build<double>(spec, parameters, source), ModelInput.Of(spec), source);
        return new LoadedModel(spec, parameters, precision, file.Notes ?? [], Version, NetworkKind.TensorMLP, source, built: built);
    }

    private static LoadedModel ReadMlp(ModelFileDto file, string source)
    {
        if (file.Module is not null || file.Parameters is not null)
            throw new ModelFormatException($"{source} has layout version {file.Version}, which holds \"layers\"; \"module\" and \"parameters\" come in version 3.");
        var (network, precision) = ModelFileCheck.Kind(file, source);
        var layers = ModelFileCheck.Layers(file, precision, source);
        var activations = ModelFileCheck.Activations(layers, source);

        // Every shape now matches the numbers present, so building allocates no more than the file holds.
        int inputs = file.Inputs ?? 0;
        var weights = new LayerWeights[layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var w = new double[(long)layer.Size * inputs];
            for (int n = 0; n < layer.Size; n++) layer.Weights![n].CopyTo(w, n * inputs);
            weights[l] = new LayerWeights(inputs, layer.Size, w, layer.Biases!, activations[l]);
            inputs = layer.Size;
        }
        var mlp = new MlpWeights(file.Inputs ?? 0, weights);
        return new LoadedModel(MlpTree.Spec(mlp), MlpTree.Parameters(mlp), precision, file.Notes ?? [], file.Version, network, source, mlp);
    }

    private static void CheckKinds<T>(Module<T> module, string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!ModuleKinds.Names.Contains(module.Kind))
            throw new ArgumentException(
                $"Expected a tree of the module kinds a model file holds ({string.Join(", ", ModuleKinds.Names)}), got a {module.Kind} at {(path.Length == 0 ? "the root" : $"'{path}'")}.", nameof(module));
        foreach (var (key, value) in module.Settings)
            if (!double.IsFinite(value)) throw new ArgumentException($"Expected finite settings, got {key} = {value} in the {module.Kind} at '{path}'.", nameof(module));
        foreach (var (name, child) in module.Children) CheckKinds(child, path.Length == 0 ? name : $"{path}.{name}");
    }

    private static double[] Finite<T>(string name, Tensor<T> parameter) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = parameter.ToArray();
        var numbers = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            numbers[i] = double.CreateChecked(values[i]);
            if (!double.IsFinite(numbers[i]))
                throw new ArgumentException($"Expected finite parameters, got {(double.IsNaN(numbers[i]) ? "NaN" : numbers[i] > 0 ? "infinity" : "-infinity")} in '{name}' at position {i}: a model file holds finite numbers.", "module");
        }
        return numbers;
    }

    private static ModelFormatException TooLarge(string source, long? bytes) =>
        new($"{source} is {(bytes is { } b ? $"{b:N0} bytes" : "larger than that")}; a model file is at most {MaxFileBytes:N0} bytes ({MaxFileBytes >> 20} MiB).");
}
