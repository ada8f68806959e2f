using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Micrograd.Serialization;

/// <summary>The JSON layout of a model file: versions 1 and 2 hold an MLP as Inputs and Layers (version 1 has no
/// Network or Precision); version 3 holds a module tree (Module) and its named Parameters.</summary>
internal sealed record ModelFileDto(string? Format, int Version, string? Network, string? Precision, int? Inputs, LayerDto[]? Layers,
    ModuleDto? Module, ParameterDto[]? Parameters, Dictionary<string, string>? Notes);

/// <summary>One row of weights per neuron.</summary>
internal sealed record LayerDto(int Size, string? Activation, double[][]? Weights, double[]? Biases);

/// <summary>A module of the tree: its name among its parent's children (none for the root), its kind, its
/// settings and its children.</summary>
internal sealed record ModuleDto(string? Name, string? Kind, Dictionary<string, double>? Settings, ModuleDto[]? Children);

/// <summary>One parameter by its state-dict name: its shape and its numbers, row-major.</summary>
internal sealed record ParameterDto(string? Name, int[]? Shape, double[]? Values);

/// <summary>Generated at compile time rather than found by reflection, so model files work in trimmed and
/// native-AOT programs, such as .NET 10's file-based programs.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(AnyDoubleConverter)])]
[JsonSerializable(typeof(ModelFileDto))]
internal sealed partial class ModelFileJsonContext : JsonSerializerContext;

/// <summary>Reads every number a weight may hold, so the loader can name the one that is not finite: 1e400 as
/// infinity, "NaN", "Infinity", "-Infinity" as themselves; writes non-finite numbers as those strings.</summary>
internal sealed class AnyDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out double x)) return x;
            string text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture); // beyond ±1.8e308: infinity
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new JsonException($"expected a number, got the string \"{other}\""),
            };
        }
        throw new JsonException($"expected a number, got {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
}
