using System.Text.Json;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>The files in fixtures/ (copied next to the test assembly), written by scripts in tools/reference/.</summary>
public static class Fixture
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The full path of fixture <paramref name="file"/>, which must exist.</summary>
    public static string Path(string file)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", file);
        Assert.True(File.Exists(path), $"Missing fixture {path}: regenerate it with tools/reference/ (see its README).");
        return path;
    }

    /// <summary>Fixture <paramref name="file"/> deserialised as <typeparamref name="T"/>.</summary>
    public static T Load<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path(file)), Options) ?? throw new InvalidOperationException($"Fixture {file} is empty.");
}
