using Micrograd.Onnx;
using Micrograd.Serialization;

namespace Micrograd.Cli.Models;

/// <summary>Loads a model file for <c>predict</c>, <c>graph</c> and <c>export</c>, with messages that name the
/// option: the JSON that <c>train</c> writes, or an MLP-shaped ONNX file (by its .onnx extension).</summary>
internal static class ModelLoading
{
    /// <exception cref="CliException">When there is no such file, or its notes name the inputs wrongly
    /// (<see cref="ModelNotes.CheckInputNames"/>).</exception>
    /// <exception cref="ModelFormatException">When a JSON file is not a valid model.</exception>
    /// <exception cref="OnnxFormatException">When an .onnx file is not a readable ONNX model, or not an MLP.</exception>
    public static LoadedModel Load(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json or model.onnx, got the folder '{path}'");
        if (!File.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json or model.onnx, got '{path}', which does not exist");
        var loaded = IsOnnx(path) ? LoadOnnx(path) : ModelFile.Load(path);
        ModelNotes.CheckInputNames(loaded, path);
        return loaded;
    }

    // The notes of a model that Micrograd exported travel in the ONNX metadata; a softmax output needs none, as
    // the MLP gives the scores before it and the class is the largest either way.
    private static LoadedModel LoadOnnx(string path)
    {
        var onnx = OnnxFile.Load(path);
        return new LoadedModel(onnx.ToMLP(), onnx.Notes);
    }

    /// <summary>Whether <paramref name="path"/> names an ONNX file.</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
}
