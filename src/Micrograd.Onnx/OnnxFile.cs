using System.Numerics;
using Google.Protobuf;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Onnx.Export;
using Micrograd.Onnx.Proto;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Onnx;

/// <summary>
/// Saves any Micrograd network as ONNX, and reads ONNX models into trainable Micrograd networks, such as
/// PyTorch's export of an nn.Sequential of Linear layers and activations.
/// </summary>
/// <remarks>
/// Export traces the module's forward pass and writes each tensor op as ONNX nodes (a Linear as a Gemm, an
/// activation as its operator, ...): a graph of IR version <see cref="IrVersion"/> with operator set
/// <see cref="Opset"/>, or 17 where it holds a LayerNormalization and 20 (IR version 9) where it holds a Gelu.
/// Each parameter is an initializer named by its state-dict name ("0.weight", of shape [out, in] as PyTorch's
/// Linear keeps it); constants are Constant nodes. The input is <see cref="InputName"/>, the output
/// <see cref="OutputName"/>; their first dimension, <see cref="BatchDimension"/>, is symbolic: any number of
/// examples at once. The other dimensions are those of the traced input.
/// </remarks>
public static class OnnxFile
{
    /// <summary>The ONNX IR version of exported files (ONNX 1.10 to 1.13) with operator sets up to 17.</summary>
    public const long IrVersion = 8;

    /// <summary>The version of the standard operator set that exported files use, unless an operator needs a later one.</summary>
    public const int Opset = 13;

    /// <summary>The oldest operator set import reads (Gemm's broadcasting took its present form in 7).</summary>
    public const int MinImportOpset = 7;

    public const string InputName = "input";

    public const string OutputName = "output";

    /// <summary>The name of the symbolic first dimension of the input and output.</summary>
    public const string BatchDimension = "batch";

    /// <summary>The largest file <see cref="Load"/> reads unless told otherwise: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L << 20;

    /// <summary>The most numbers import reads and lays out for one model (weights read, shared weights used
    /// again, transposed copies): 2^24, a model of up to about 8 million parameters.</summary>
    public const long MaxNumbers = 1L << 24;

    /// <summary>Writes <paramref name="module"/> as ONNX to <paramref name="path"/>, atomically: a failure
    /// midway leaves any earlier file untouched.</summary>
    /// <exception cref="ArgumentException">When the module does not say what it takes (give
    /// <see cref="OnnxExportOptions.Input"/>), or has a parameter that is not finite.</exception>
    /// <exception cref="NotSupportedException">For an op that ONNX export has no form for.</exception>
    public static void Save<T>(Module<T> module, string path, OnnxExportOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Write(path, ToBytes(module, options));

    /// <summary>Writes the MLP <paramref name="model"/> as ONNX (through the tensor MLP of its weights).</summary>
    public static void Save(MLP model, string path, OnnxExportOptions? options = null) => Write(path, ToBytes(model, options));

    /// <summary>The bytes <see cref="Save(MLP, string, OnnxExportOptions?)"/> writes.</summary>
    public static byte[] ToBytes(MLP model, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ToBytes(MlpWeights.Of(model), options);
    }

    /// <summary>An MLP's numbers, whichever kind holds them, as ONNX.</summary>
    public static byte[] ToBytes(MlpWeights weights, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return ToBytes(weights.ToTensorMLP<double>(), options);
    }

    /// <summary>The bytes <see cref="Save{T}(Module{T}, string, OnnxExportOptions?)"/> writes. The file's number
    /// type is <see cref="OnnxExportOptions.ElementType"/>, whatever <typeparamref name="T"/> is.</summary>
    public static byte[] ToBytes<T>(Module<T> module, OnnxExportOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        options ??= new OnnxExportOptions();
        var input = options.Input ?? (module as OnnxGraph<T>)?.Input ?? ModelInput.Of(ModuleSpec.Of(module))
            ?? throw new ArgumentException($"Expected a module whose first layers say what it takes, or OnnxExportOptions.Input; a {module.Kind} does not say.", nameof(module));
        var graph = ModuleExporter.Graph(module, input, options.ElementType, options.OutputSoftmax, out long opset);
        graph.DocString = $"A {module.Kind} exported by Micrograd. Input '{InputName}': {input}; output '{OutputName}'.";
        var model = new ModelProto
        {
            IrVersion = opset >= 19 ? 9 : IrVersion,
            ProducerName = "Micrograd",
            ProducerVersion = typeof(OnnxFile).Assembly.GetName().Version?.ToString(3) ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        foreach (var (key, value) in options.Notes ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model.ToByteArray();
    }

    private static void Write(string path, byte[] bytes) => AtomicFile.Write(path, s => s.Write(bytes));

    /// <summary>Reads the ONNX model in <paramref name="path"/>.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="maxBytes">The largest file to read; a larger one is refused before reading.</param>
    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    /// <exception cref="OnnxFormatException">When the file is too large, not ONNX, corrupt or truncated.</exception>
    /// <exception cref="OnnxUnsupportedException">For an operator, or a form of one, that Micrograd does not read; names the node.</exception>
    public static OnnxModel Load(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such ONNX file: {path}", path);
        using var stream = File.OpenRead(path);
        return Read(stream, maxBytes, path);
    }

    /// <summary>Reads an ONNX model from <paramref name="stream"/>, at most <paramref name="maxBytes"/> of it
    /// whatever length the stream reports; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="OnnxFormatException">When the stream is too long, not ONNX, corrupt or truncated.</exception>
    /// <exception cref="OnnxUnsupportedException">For an operator, or a form of one, that Micrograd does not read; names the node.</exception>
    public static OnnxModel Read(Stream stream, long maxBytes = DefaultMaxBytes, string source = "the ONNX model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return FromBytes(BoundedRead.All(stream, maxBytes, size => TooLarge(source, size, maxBytes)), source);
    }

    private static OnnxFormatException TooLarge(string path, long? size, long maxBytes) =>
        new($"{path} is {(size is { } n ? $"{n:N0}" : $"more than {maxBytes:N0}")} bytes; Micrograd reads ONNX files of up to {maxBytes:N0} bytes.");

    /// <summary>Reads an ONNX model from its bytes; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="OnnxFormatException">When the bytes are not an ONNX model, or a corrupt one.</exception>
    /// <exception cref="OnnxUnsupportedException">For an operator, or a form of one, that Micrograd does not read; names the node.</exception>
    public static OnnxModel FromBytes(ReadOnlySpan<byte> bytes, string source = "the ONNX model")
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            int end = e.Message.IndexOf(". ", StringComparison.Ordinal); // protobuf's first sentence says what went wrong
            string what = end < 0 ? e.Message : e.Message[..(end + 1)];
            throw new OnnxFormatException($"{source} is not a readable ONNX file (corrupt or truncated): {char.ToLowerInvariant(what[0])}{what[1..]}");
        }
        return ModelReader.Read(model, source);
    }
}
