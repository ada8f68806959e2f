using Micrograd.Onnx;
using Micrograd.Serialization;

namespace Micrograd.Cli.Models;

/// <summary>Loads a model for <c>predict</c>, <c>graph</c> and <c>export</c>, with messages that name the
/// option: a model file that <c>train</c> writes, or an ONNX file (by its .onnx extension).</summary>
internal static class ModelLoading
{
    /// <exception cref="CliException">When there is no such file, or its notes name the inputs wrongly
    /// (<see cref="ModelNotes.CheckInputNames"/>).</exception>
    /// <exception cref="ModelFormatException">When a JSON file is not a valid model.</exception>
    /// <exception cref="OnnxFormatException">When an .onnx file is not a readable ONNX model, or one Micrograd does not compute.</exception>
    public static LoadedNetwork Load(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json or model.onnx, got the folder '{path}'");
        if (!File.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json or model.onnx, got '{path}', which does not exist");
        var loaded = IsOnnx(path) ? LoadedNetwork.Of(OnnxFile.Load(path), path) : LoadedNetwork.Of(ModelFile.Load(path), path);
        ModelNotes.CheckInputNames(loaded, path);
        return loaded;
    }

    /// <summary>Whether <paramref name="path"/> names an ONNX file.</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
}
