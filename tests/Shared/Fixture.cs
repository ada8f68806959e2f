using System.Text.Json;
using System.Text.Json.Serialization;

namespace Micrograd.Testing;

/// <summary>
/// The golden files in the test project's fixtures/ (copied next to the test assembly). They are written by the
/// scripts in tools/reference/ (Python + PyTorch); non-finite numbers appear as the strings "NaN", "Infinity" and
/// "-Infinity".
/// </summary>
internal static class Fixture
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };

    private static readonly Dictionary<string, object> Cache = [];

    /// <summary>The full path of fixture <paramref name="file"/>, which must exist.</summary>
    public static string Path(string file)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", file);
        Assert.True(File.Exists(path), $"Missing fixture {path}: regenerate it with tools/reference/ (see its README).");
        return path;
    }

    /// <summary>The fixture <paramref name="file"/> deserialised as <typeparamref name="T"/> (read once).</summary>
    public static T Load<T>(string file)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(file, out var cached)) return (T)cached;
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(Path(file)), Options)
                ?? throw new InvalidOperationException($"Fixture {file} is empty.");
            Cache[file] = value;
            return value;
        }
    }
}
