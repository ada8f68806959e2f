using Micrograd.Data;
using Micrograd.Onnx.Import;
using Micrograd.Onnx.Proto;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx;

/// <summary>The checks on a model as a whole before its graph is read (IR version, operator set), then the
/// graph's own (<see cref="GraphParser"/>), then one forward pass on a sample batch, so that a graph whose nodes
/// do not fit together is refused at once, naming the node.</summary>
internal static class ModelReader
{
    /// <summary>The IR versions import knows: 3 (the first with operator sets) to 11 (ONNX 1.18).</summary>
    public const long MinIrVersion = 3, MaxIrVersion = 11;

    /// <summary>The newest standard operator set import knows (ONNX 1.18).</summary>
    public const long MaxOpset = 23;

    public static OnnxModel Read(ModelProto model, string source)
    {
        if (model.IrVersion <= 0)
            throw new OnnxFormatException($"{source} is not an ONNX model: it states no IR version.");
        if (model.IrVersion < MinIrVersion || model.IrVersion > MaxIrVersion)
            throw new OnnxFormatException($"{source} has IR version {model.IrVersion}, which Micrograd does not know; it reads {MinIrVersion} to {MaxIrVersion}.");
        if (model.Graph is not { } graph)
            throw new OnnxFormatException($"{source} is not an ONNX model: it has no graph.");
        var standard = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").ToArray();
        if (standard.Length == 0)
            throw new OnnxFormatException($"{source} states no version of the standard ONNX operator set.");
        if (standard.Length > 1)
            throw new OnnxFormatException($"{source} states the standard operator set {standard.Length} times; ONNX takes one version of each.");
        long opset = standard[0].Version;
        if (opset < OnnxFile.MinImportOpset)
            throw new OnnxUnsupportedException($"{source} uses ONNX operator set {opset}; Micrograd reads {OnnxFile.MinImportOpset} and later.");
        if (opset > MaxOpset)
            throw new OnnxFormatException($"{source} uses ONNX operator set {opset}, which Micrograd does not know; it reads {OnnxFile.MinImportOpset} to {MaxOpset}.");

        var parsed = GraphParser.Parse(graph, opset, source);
        var chain = ChainBuilder.Build(parsed);
        var notes = new Dictionary<string, string>();
        foreach (var entry in model.MetadataProps) notes[entry.Key] = entry.Value;
        string producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
        var result = new OnnxModel(parsed, chain, model.IrVersion, producer, notes);
        TryForward(result);
        return result;
    }

    private static Tensors.Nn.Module<T> Run<T>(Tensors.Nn.Module<T> module, double[] x, ModelInput input) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        module.Forward(Tensor<T>.FromArray([.. x.Select(T.CreateChecked)], [2, .. input.Shape]));
        return module;
    }

    // One forward pass on two examples (numbers in [-1, 1), or token 0) in the model's number type, without a graph;
    // the module is kept for the first ToModule in that type.
    private static void TryForward(OnnxModel model)
    {
        if (model.Input is not { } input) return;
        var rng = new Rng(1);
        var x = new double[2 * input.Count];
        if (!input.Indices) for (int i = 0; i < x.Length; i++) x[i] = rng.Uniform(-1, 1);
        try
        {
            using var noGrad = Tensor.NoGrad();
            if (model.ElementType == OnnxElementType.Float32) model.Keep(Run(model.ToModule<float>(), x, input));
            else model.Keep(Run(model.ToModule<double>(), x, input));
        }
        catch (ArgumentException e)
        {
            throw new OnnxFormatException(e.Message.StartsWith(model.Source, StringComparison.Ordinal) ? e.Message : $"{model.Source}: {e.Message}");
        }
    }
}
