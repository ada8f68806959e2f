using Micrograd.Serialization;

namespace Micrograd.Cli.Models;

/// <summary>Loads a model file for <c>predict</c> and <c>graph</c>, with messages that name the option.</summary>
internal static class ModelLoading
{
    /// <exception cref="CliException">When there is no such file.</exception>
    /// <exception cref="ModelFormatException">When the file is not a valid model.</exception>
    public static LoadedModel Load(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json, got the folder '{path}'");
        if (!File.Exists(path)) throw new CliException($"--model: expected a model file such as out/moons/model.json, got '{path}', which does not exist");
        return ModelFile.Load(path);
    }
}
