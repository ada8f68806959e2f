using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;

namespace Micrograd.Cli.Makemore;

/// <summary>The seam between <c>makemore</c> and model files: the best model is saved and read back only here.
/// Until model file v3 (<c>ModelFile.Save&lt;T&gt;(module, path, notes)</c> and
/// <c>ModelFile.Load(path).ToModule&lt;T&gt;()</c>) is on main, this writes a stand-in JSON file of the same
/// content: the module's kind and settings (what <see cref="ModuleKinds"/> builds it from), its parameters by
/// name, and notes. Switching over is these two methods' bodies.</summary>
internal static class MakemoreModelFile
{
    public const string Format = "micrograd-makemore-interim";

    /// <summary>64 MiB: more than <see cref="MaxParameters"/> numbers in text.</summary>
    public const long MaxFileBytes = 64L << 20;

    public const int MaxParameters = 2_000_000;

    /// <summary>Atomic, through <paramref name="targets"/>.</summary>
    public static void Save<T>(Module<T> module, MakemoreTargets targets, IReadOnlyDictionary<string, string> notes) where T : unmanaged, IFloatingPointIeee754<T> =>
        targets.Write(targets.Model, stream =>
        {
            using var json = new Utf8JsonWriter(stream);
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("precision", typeof(T) == typeof(float) ? "float32" : "float64");
            json.WriteString("kind", module.Kind);
            json.WriteStartObject("settings");
            foreach (var (name, value) in module.Settings) json.WriteNumber(name, value);
            json.WriteEndObject();
            json.WriteStartObject("parameters");
            foreach (var (name, p) in module.NamedParameters())
            {
                json.WriteStartArray(name);
                foreach (var v in p.ToArray())
                {
                    if (T.IsFinite(v)) json.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture));
                    else json.WriteStringValue(v.ToString("R", CultureInfo.InvariantCulture)); // NaN, Infinity, -Infinity
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("notes");
            foreach (var (name, value) in notes) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        });

    /// <summary>The module saved at <paramref name="path"/>, rebuilt in T, and its notes.</summary>
    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    /// <exception cref="ModelFormatException">When the file is not one <see cref="Save{T}"/> wrote, or too large.</exception>
    public static (Module<T> Module, IReadOnlyDictionary<string, string> Notes) Load<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No such model file: {path}", path);
        if (new FileInfo(path).Length > MaxFileBytes)
            throw new ModelFormatException($"{path}: expected a model file of at most {MaxFileBytes >> 20} MiB, got a larger one.");
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
                throw new ModelFormatException($"{path}: expected a model file written by 'micrograd makemore' (format '{Format}'), got another file.");
            var settings = root.GetProperty("settings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var parameters = root.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(Number).ToArray());
            var notes = root.GetProperty("notes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            long numbers = parameters.Values.Sum(v => (long)v.Length);
            if (numbers > MaxParameters) throw new ModelFormatException($"{path}: expected at most {MaxParameters:N0} parameters, got {numbers:N0}.");
            Module<T> module;
            using (ModuleBudget.Limit(numbers))
                module = ModuleKinds.Build<T>(new ModuleSpec(root.GetProperty("kind").GetString() ?? "", settings, []));
            module.LoadStateDict(parameters);
            return (module, notes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            if (e is ModelFormatException) throw;
            throw new ModelFormatException($"{path}: expected a model file written by 'micrograd makemore', but {ErrorReport.Decapitalize(ErrorReport.OneLine(e.Message)).TrimEnd('.')}.");
        }

        static T Number(JsonElement v) => v.ValueKind == JsonValueKind.String
            ? T.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : T.CreateChecked(v.GetDouble());
    }
}
