using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Micrograd.Onnx.Import;
using Micrograd.Onnx.Proto;
using DataType = Micrograd.Onnx.Proto.TensorProto.Types.DataType;

namespace Micrograd.Onnx;

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

    /// <summary>The numbers in <paramref name="tensor"/>: FLOAT or DOUBLE, INT64 or INT32, or BOOL;
    /// <paramref name="what"/> names it in messages. NaN is refused everywhere.</summary>
    /// <exception cref="OnnxFormatException">When its shape and its data disagree, or it holds NaN.</exception>
    /// <exception cref="OnnxUnsupportedException">When its numbers are of another type, or live in another file.</exception>
    public static Constant Read(TensorProto tensor, string what, NumberBudget budget)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw new OnnxUnsupportedException($"{what} keeps its data in an external file; Micrograd reads only models whose weights are inside the .onnx file.");
        if (tensor.Segment is not null)
            throw new OnnxUnsupportedException($"{what} is split into segments, which Micrograd does not read.");
        var type = (DataType)tensor.DataType;
        int size = type switch
        {
            DataType.Double or DataType.Int64 => 8,
            DataType.Float or DataType.Int32 => 4,
            DataType.Bool => 1,
            _ => throw new OnnxUnsupportedException($"{what} holds {TypeName(tensor.DataType)} numbers; expected FLOAT or DOUBLE weights, or INT64, INT32 or BOOL constants."),
        };

        var dims = tensor.Dims.ToArray();
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0) throw new OnnxFormatException($"{what} has a negative dimension ({d}).");
            if (d > int.MaxValue) throw new OnnxFormatException($"{what} has a dimension of {d}, more than {int.MaxValue:N0}.");
            count = d == 0 ? 0 : count > Array.MaxLength / d ? long.MaxValue : count * d;
        }
        bool raw = tensor.RawData.Length > 0;
        long present = raw ? tensor.RawData.Length / size : type switch
        {
            DataType.Double => tensor.DoubleData.Count,
            DataType.Float => tensor.FloatData.Count,
            DataType.Int64 => tensor.Int64Data.Count,
            _ => tensor.Int32Data.Count,
        };
        if (count != present || (raw && tensor.RawData.Length % size != 0))
            throw new OnnxFormatException(
                $"{what} has shape [{string.Join(", ", dims)}], {(count == long.MaxValue ? "too many" : count.ToString())} numbers, " +
                $"but its data holds {(raw ? $"{tensor.RawData.Length} bytes" : $"{present} numbers")}.");

        budget.Take(count, what);
        var values = new double[count];
        long[]? integers = type is DataType.Int64 or DataType.Int32 ? new long[count] : null;
        var bytes = tensor.RawData.Span;
        switch (type)
        {
            case DataType.Double when raw: MemoryMarshal.Cast<byte, double>(bytes).CopyTo(values); break;
            case DataType.Double: tensor.DoubleData.CopyTo(values, 0); break;
            case DataType.Float when raw: Widen(MemoryMarshal.Cast<byte, float>(bytes), values); break;
            case DataType.Float: for (int i = 0; i < values.Length; i++) values[i] = tensor.FloatData[i]; break;
            case DataType.Int64 or DataType.Int32:
                for (int i = 0; i < values.Length; i++)
                    values[i] = integers![i] = raw
                        ? size == 8 ? BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]) : BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..])
                        : size == 8 ? tensor.Int64Data[i] : tensor.Int32Data[i];
                break;
            default:
                for (int i = 0; i < values.Length; i++) values[i] = (raw ? bytes[i] : tensor.Int32Data[i]) != 0 ? 1 : 0;
                break;
        }
        int nan = FirstNaN(values);
        if (nan >= 0) throw new OnnxFormatException($"{what} holds NaN at position {nan}; a model's numbers must be numbers.");
        var kind = integers is not null ? ConstantKind.Integers : type == DataType.Bool ? ConstantKind.Bools : ConstantKind.Numbers;
        return new Constant(dims, values, kind, integers);
    }

    private static void Widen(ReadOnlySpan<float> from, double[] to)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Expected a little-endian machine, as ONNX's raw data is.");
        for (int i = 0; i < to.Length; i++) to[i] = from[i];
    }

    private static int FirstNaN(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i])) return i;
        return -1;
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
