using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Micrograd.Serialization;

/// <summary>The JSON layout of a model file (version 1 has no Network or Precision).</summary>
internal sealed record ModelFileDto(string? Format, int Version, string? Network, string? Precision, int Inputs, LayerDto[]? Layers, Dictionary<string, string>? Notes);

/// <summary>One layer: its size, activation, one row of weights per neuron and one bias per neuron.</summary>
internal sealed record LayerDto(int Size, string? Activation, double[][]? Weights, double[]? Biases);

/// <summary>
/// Serialization code generated at compile time rather than found by reflection at run time, so that model
/// files work in trimmed and native-AOT programs, such as .NET 10's file-based programs (<c>dotnet run app.cs</c>).
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(AnyDoubleConverter)])]
[JsonSerializable(typeof(ModelFileDto))]
internal sealed partial class ModelFileJsonContext : JsonSerializerContext;

/// <summary>
/// Reads every number a weight may hold, so that the loader can then name the parameter that is not finite:
/// 1e400 (too large for a double) reads as infinity, and "NaN", "Infinity" and "-Infinity" as themselves.
/// Writes finite numbers as JSON numbers and the others as those strings, as System.Text.Json's
/// AllowNamedFloatingPointLiterals does.
/// </summary>
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
