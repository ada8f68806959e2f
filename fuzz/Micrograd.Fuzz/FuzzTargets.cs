using System.Text;
using Micrograd.Data;
using Micrograd.Expressions;
using Micrograd.Onnx;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;

namespace Micrograd.Fuzz;

/// <summary>One parser of outside input: how to feed it bytes, and which exception it documents for bad input
/// (any other exception, a hang or a crash is a bug).</summary>
public sealed class FuzzTarget(string name, Action<byte[]> parse, Func<Exception, bool> documented)
{
    /// <summary>The name fuzz/run.sh takes, and the folder of its corpus (fuzz/corpus/NAME).</summary>
    public string Name { get; } = name;

    /// <summary>Feeds <paramref name="input"/> to the parser; the documented exception is swallowed, any
    /// other escapes.</summary>
    public void Run(byte[] input)
    {
        try
        {
            parse(input);
        }
        catch (Exception e) when (documented(e))
        {
        }
    }

    /// <summary>A target whose only documented exception for bad input is <typeparamref name="TDocumented"/>.</summary>
    public static FuzzTarget Of<TDocumented>(string name, Action<byte[]> parse) where TDocumented : Exception =>
        new(name, parse, e => e is TDocumented);
}

/// <summary>Every fuzz target. A new file format adds one line here and a folder of seed
/// inputs under fuzz/corpus.</summary>
public static class FuzzTargets
{
    /// <summary>All targets, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        FuzzTarget.Of<ExpressionSyntaxException>("expression", Expression),
        FuzzTarget.Of<CsvFormatException>("csv", CsvFile),
        FuzzTarget.Of<ModelFormatException>("model", ModelFileBytes),
        FuzzTarget.Of<IdxFormatException>("idx", IdxFile),
        FuzzTarget.Of<OnnxFormatException>("onnx", OnnxBytes),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    // Parse, then everything the command does with a parsed expression: build at some values, backward,
    // evaluate again, and the caret lines of an error.
    private static void Expression(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        NumberLiteral.TryParse(text, out _, out _);
        Expression expression;
        try
        {
            expression = Expressions.Expression.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            _ = e.CaretLines;
            throw;
        }
        var values = expression.Variables.Select((v, i) => (v, 0.5 + i)).ToDictionary(p => p.v, p => p.Item2);
        var graph = expression.Build(values);
        graph.Root.Backward();
        expression.Evaluate(values);
    }

    // The label-less reader (predict --input), and the dataset reader with a label column named "label".
    private static void CsvFile(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        try
        {
            Csv.ReadColumns(new StringReader(text));
        }
        catch (CsvFormatException)
        {
        }
        Csv.Parse(new StringReader(text), "label");
    }

    // The bytes of a model file, then what predict does with it (the module in its precision, one row), the module
    // in the other precision, and an MLP's Values.
    private static void ModelFileBytes(byte[] input)
    {
        var loaded = ModelFile.Read(new MemoryStream(input), "fuzz input");
        if (loaded.Input is { } shape) loaded.Predict([Enumerable.Repeat(shape.Indices ? 0.0 : 0.5, shape.Count).ToArray()]);
        if (loaded.Precision == Micrograd.Training.Precision.Float32) loaded.ToModule<double>();
        else loaded.ToModule<float>();
        if (loaded.IsMlp) loaded.Model.Forward(Enumerable.Range(0, loaded.Model.InputCount).Select(_ => new Value(0.5)).ToArray());
    }

    // The bytes as an IDX images file (gzipped or not), then as a dataset with one label per image; and as a
    // labels file, from a stream that can seek and from one that cannot (as a FIFO or a pipe gives it), which
    // must agree: the same labels, or both refused.
    private static void IdxFile(byte[] input)
    {
        try
        {
            var images = Idx.ReadImages(new MemoryStream(input), "fuzz input");
            Mnist.ToDataset(images, new byte[images.Count], "fuzz input");
        }
        catch (IdxFormatException)
        {
        }
        byte[]? piped;
        try
        {
            piped = Idx.ReadLabels(new Unseekable(input), "fuzz input");
        }
        catch (IdxFormatException)
        {
            piped = null;
        }
        byte[] labels;
        try
        {
            labels = Idx.ReadLabels(new MemoryStream(input), "fuzz input");
        }
        catch (IdxFormatException) when (piped is not null)
        {
            throw new InvalidOperationException("A stream that cannot seek read labels that one that can refused.");
        }
        if (piped is null || !piped.AsSpan().SequenceEqual(labels))
            throw new InvalidOperationException("A stream that cannot seek read other labels than one that can.");
    }

    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    // The bytes of an .onnx file, then what predict does with it (the module, one row), what export does (the
    // module written as ONNX again), and an MLP's Values. OnnxUnsupportedException is an OnnxFormatException too.
    private static void OnnxBytes(byte[] input)
    {
        var model = OnnxFile.FromBytes(input, "fuzz input");
        var module = model.ToModule<float>();
        if (model.Input is { } shape)
        {
            Predictions.Of(module, shape, [Enumerable.Repeat(shape.Indices ? 0.0 : 0.5, shape.Count).ToArray()]);
            OnnxFile.ToBytes(module, new OnnxExportOptions { Input = shape });
        }
        if (model.IsMlp && model.ToMLP() is { } mlp) mlp.Forward(Enumerable.Repeat(0.5, mlp.InputCount).ToArray());
    }
}
