using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd;

// The tensor engine's forms of the ops in Ops.cs: the same rules over many elements at a time. A forward runs
// over a whole span (through TensorPrimitives where .NET vectorises the function, such as exp and tanh); a local
// derivative is stated on a Vector, with the scalar rule's arithmetic. An op the tensor engine offers must give
// these forms: Tensor<T>'s methods require the interfaces, so a missing form does not compile.

/// <summary>A one-operand op of the tensor engine.</summary>
internal interface IVectorUnaryOp : IUnaryOp
{
    static abstract void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T>;

    /// <inheritdoc cref="IUnaryOp.Local"/>
    static abstract Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T>;
}

/// <summary>A two-operand op of the tensor engine.</summary>
internal interface IVectorBinaryOp : IBinaryOp
{
    static abstract Vector<T> Forward<T>(Vector<T> a, Vector<T> b) where T : IFloatingPointIeee754<T>;

    /// <inheritdoc cref="IBinaryOp.Local"/>
    static abstract (Vector<T> da, Vector<T> db) Local<T>(Vector<T> a, Vector<T> b, Vector<T> output) where T : IFloatingPointIeee754<T>;
}

internal static partial class Ops
{
    public readonly partial struct Add : IVectorBinaryOp
    {
        public static Vector<T> Forward<T>(Vector<T> a, Vector<T> b) where T : IFloatingPointIeee754<T> => a + b;
        public static (Vector<T> da, Vector<T> db) Local<T>(Vector<T> a, Vector<T> b, Vector<T> output) where T : IFloatingPointIeee754<T> => (Vector<T>.One, Vector<T>.One);
    }

    public readonly partial struct Sub : IVectorBinaryOp
    {
        public static Vector<T> Forward<T>(Vector<T> a, Vector<T> b) where T : IFloatingPointIeee754<T> => a - b;
        public static (Vector<T> da, Vector<T> db) Local<T>(Vector<T> a, Vector<T> b, Vector<T> output) where T : IFloatingPointIeee754<T> => (Vector<T>.One, -Vector<T>.One);
    }

    public readonly partial struct Mul : IVectorBinaryOp
    {
        public static Vector<T> Forward<T>(Vector<T> a, Vector<T> b) where T : IFloatingPointIeee754<T> => a * b;
        public static (Vector<T> da, Vector<T> db) Local<T>(Vector<T> a, Vector<T> b, Vector<T> output) where T : IFloatingPointIeee754<T> => (b, a);
    }

    public readonly partial struct Div : IVectorBinaryOp
    {
        public static Vector<T> Forward<T>(Vector<T> a, Vector<T> b) where T : IFloatingPointIeee754<T> => a / b;
        public static (Vector<T> da, Vector<T> db) Local<T>(Vector<T> a, Vector<T> b, Vector<T> output) where T : IFloatingPointIeee754<T> => (Vector<T>.One / b, -output / b);
    }

    public readonly partial struct Neg : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Negate(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => -Vector<T>.One;
    }

    public readonly partial struct Exp : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Exp(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => output;
    }

    public readonly partial struct Log : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Log(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => Vector<T>.One / a;
    }

    public readonly partial struct Tanh : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Tanh(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => Vector<T>.One - output * output;
    }

    public readonly partial struct Relu : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T>
        {
            int i = 0;
            for (; i <= a.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var x = new Vector<T>(a.Slice(i));
                Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), Vector<T>.Zero, x).CopyTo(output.Slice(i));
            }
            for (; i < a.Length; i++) output[i] = Forward(a[i]);
        }

        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> =>
            Vector.ConditionalSelect(Vector.LessThanOrEqual(output, Vector<T>.Zero), Vector<T>.Zero, Vector<T>.One);
    }

    public readonly partial struct Sigmoid : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Sigmoid(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => output * (Vector<T>.One - output);
    }

    public readonly partial struct Sqrt : IVectorUnaryOp
    {
        public static void Forward<T>(ReadOnlySpan<T> a, Span<T> output) where T : IFloatingPointIeee754<T> => TensorPrimitives.Sqrt(a, output);
        public static Vector<T> Local<T>(Vector<T> a, Vector<T> output) where T : IFloatingPointIeee754<T> => Vector<T>.One / (output + output);
    }
}
