using System.Buffers.Binary;
using Micrograd.Onnx.Proto;
using DataType = Micrograd.Onnx.Proto.TensorProto.Types.DataType;

namespace Micrograd.Onnx;

/// <summary>A constant read from an ONNX file: its shape and its numbers, widened to double.</summary>
internal sealed record Constant(long[] Dims, double[] Values);

/// <summary>ONNX tensors to and from numbers. Reading checks every size against the data that is really
/// there before allocating anything.</summary>
internal static class OnnxTensors
{
    /// <summary>A tensor named <paramref name="name"/> of shape <paramref name="dims"/>.</summary>
    public static TensorProto Create(string name, long[] dims, double[] values, OnnxElementType type)
    {
        var tensor = new TensorProto { Name = name };
        tensor.Dims.AddRange(dims);
        if (type == OnnxElementType.Float64)
        {
            tensor.DataType = (int)DataType.Double;
            tensor.DoubleData.AddRange(values);
        }
        else
        {
            tensor.DataType = (int)DataType.Float;
            tensor.FloatData.AddRange(values.Select(v => (float)v));
        }
        return tensor;
    }

    /// <summary>The ONNX element type of <paramref name="type"/>.</summary>
    public static int DataTypeOf(OnnxElementType type) => (int)(type == OnnxElementType.Float64 ? DataType.Double : DataType.Float);

    /// <summary>The element type ONNX's <paramref name="dataType"/> stands for, or null for one Micrograd does not read.</summary>
    public static OnnxElementType? ElementTypeOf(int dataType) => (DataType)dataType switch
    {
        DataType.Float => OnnxElementType.Float32,
        DataType.Double => OnnxElementType.Float64,
        _ => null,
    };

    /// <summary>ONNX's name for an element type, such as "INT64".</summary>
    public static string TypeName(int dataType) =>
        Enum.IsDefined((DataType)dataType) ? ((DataType)dataType).ToString().ToUpperInvariant() : $"type {dataType}";

    /// <summary>The numbers in <paramref name="tensor"/>; <paramref name="what"/> names it in messages.</summary>
    /// <exception cref="OnnxFormatException">When its shape and its data disagree.</exception>
    /// <exception cref="OnnxUnsupportedException">When its numbers are not float or double, or live in another file.</exception>
    public static Constant Read(TensorProto tensor, string what, NumberBudget budget)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw new OnnxUnsupportedException($"{what} keeps its data in an external file; Micrograd reads only models whose weights are inside the .onnx file.");
        if (tensor.Segment is not null)
            throw new OnnxUnsupportedException($"{what} is split into segments, which Micrograd does not read.");
        if (ElementTypeOf(tensor.DataType) is not { } type)
            throw new OnnxUnsupportedException($"{what} holds {TypeName(tensor.DataType)} numbers; expected FLOAT or DOUBLE weights.");

        var dims = tensor.Dims.ToArray();
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0) throw new OnnxFormatException($"{what} has a negative dimension ({d}).");
            count = d == 0 ? 0 : count > Array.MaxLength / d ? long.MaxValue : count * d;
        }
        int size = type == OnnxElementType.Float64 ? sizeof(double) : sizeof(float);
        long present = tensor.RawData.Length > 0
            ? tensor.RawData.Length / size
            : type == OnnxElementType.Float64 ? tensor.DoubleData.Count : tensor.FloatData.Count;
        if (count != present || (tensor.RawData.Length > 0 && tensor.RawData.Length % size != 0))
            throw new OnnxFormatException(
                $"{what} has shape [{string.Join(", ", dims)}], {(count == long.MaxValue ? "too many" : count.ToString())} numbers, " +
                $"but its data holds {(tensor.RawData.Length > 0 ? $"{tensor.RawData.Length} bytes" : $"{present} numbers")}.");

        budget.Take(count, what);
        var values = new double[count];
        if (tensor.RawData.Length > 0)
        {
            var raw = tensor.RawData.Span;
            for (int i = 0; i < values.Length; i++)
                values[i] = size == sizeof(double)
                    ? BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * size)..])
                    : BinaryPrimitives.ReadSingleLittleEndian(raw[(i * size)..]);
        }
        else if (type == OnnxElementType.Float64) tensor.DoubleData.CopyTo(values, 0);
        else for (int i = 0; i < values.Length; i++) values[i] = tensor.FloatData[i];
        return new Constant(dims, values);
    }
}

/// <summary>How many numbers reading one model may allocate in all: the weights read, folded and laid out
/// per layer. It bounds the memory a small file can make the reader take (one large weight shared by many
/// nodes, say).</summary>
internal sealed class NumberBudget(long max)
{
    private long _used;

    /// <summary>Takes <paramref name="count"/> numbers for <paramref name="what"/>.</summary>
    /// <exception cref="OnnxFormatException">When that goes past the limit.</exception>
    public void Take(long count, string what)
    {
        if (count > max - _used)
            throw new OnnxFormatException($"{what} would bring the numbers read past {max:N0}, the most Micrograd reads from one model.");
        _used += count;
    }
}
