using System.Numerics;

namespace Micrograd;

// Every operation, once: each op's forward rule beside its local derivative, as in micrograd's engine.py.
// Value, the compiled tape and the tensor engine all call these; none writes a derivative of its own. The
// chain rule is applied once for every op: operand.Grad += local * output.Grad.
//
// The rules are generic over the number type, so one definition serves double Values and float or double
// tensors (the JIT inlines a copy per type). The tensor engine needs the same rules on many elements at a time:
// those forms are in Ops.Vectors.cs, one per op the tensor engine offers.

internal interface IUnaryOp
{
    /// <summary>The text shown as <see cref="Value.Op"/> and in graph drawings.</summary>
    static abstract string Symbol { get; }

    static abstract T Forward<T>(T a) where T : IFloatingPointIeee754<T>;

    /// <summary>d(out)/da, given the operand and the output already computed.</summary>
    static abstract T Local<T>(T a, T output) where T : IFloatingPointIeee754<T>;
}

internal interface IBinaryOp
{
    /// <inheritdoc cref="IUnaryOp.Symbol"/>
    static abstract string Symbol { get; }

    static abstract T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T>;

    /// <summary>d(out)/da and d(out)/db, given the operands and the output already computed.</summary>
    static abstract (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T>;
}

internal static partial class Ops
{
    /// <summary>out = a + b: the gradient passes through to both operands unchanged.</summary>
    public readonly partial struct Add : IBinaryOp
    {
        public static string Symbol => "+";
        public static T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T> => a + b;
        public static (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T> => (T.One, T.One);
    }

    public readonly partial struct Sub : IBinaryOp
    {
        public static string Symbol => "-";
        public static T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T> => a - b;
        public static (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T> => (T.One, -T.One);
    }

    /// <summary>out = a * b: each operand's local derivative is the other operand.</summary>
    public readonly partial struct Mul : IBinaryOp
    {
        public static string Symbol => "*";
        public static T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T> => a * b;
        public static (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T> => (b, a);
    }

    /// <summary>out = a / b: d/da = 1/b, d/db = -a/b², computed as -(a/b)/b = -out/b as PyTorch does, so that
    /// b² cannot underflow to 0 or overflow to infinity when a/b itself is an ordinary number.</summary>
    public readonly partial struct Div : IBinaryOp
    {
        public static string Symbol => "/";
        public static T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T> => a / b;
        public static (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T> => (T.One / b, -output / b);
    }

    public readonly partial struct Neg : IUnaryOp
    {
        public static string Symbol => "neg";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => -a;
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => -T.One;
    }

    /// <summary>out = a ** b for a constant exponent b: d/da = b·a^(b-1), no gradient for b. An exponent of 0
    /// has derivative 0 everywhere, as in PyTorch (the formula gives 0·a^-1, NaN at a = 0).</summary>
    public readonly partial struct Pow : IBinaryOp
    {
        public static string Symbol => "**";
        public static T Forward<T>(T a, T b) where T : IFloatingPointIeee754<T> => T.Pow(a, b);
        public static (T da, T db) Local<T>(T a, T b, T output) where T : IFloatingPointIeee754<T> =>
            (b == T.Zero ? T.Zero : b * T.Pow(a, b - T.One), T.Zero);
    }

    /// <summary>out = e^a: the exponential is its own derivative.</summary>
    public readonly partial struct Exp : IUnaryOp
    {
        public static string Symbol => "exp";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => T.Exp(a);
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => output;
    }

    /// <summary>out = ln a: d/da = 1/a. ln 0 is -Infinity and ln of a negative number is NaN, as in PyTorch.</summary>
    public readonly partial struct Log : IUnaryOp
    {
        public static string Symbol => "log";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => T.Log(a);
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => T.One / a;
    }

    /// <summary>out = tanh a: d/da = 1 - tanh² a, read off the output.</summary>
    public readonly partial struct Tanh : IUnaryOp
    {
        public static string Symbol => "tanh";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => T.Tanh(a);
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => T.One - output * output;
    }

    /// <summary>out = max(0, a): d/da = 0 where the output is 0 or less (so 0 at a = 0), else 1, as PyTorch's
    /// threshold_backward. NaN passes through as NaN, and so does the gradient at a NaN.</summary>
    public readonly partial struct Relu : IUnaryOp
    {
        public static string Symbol => "ReLU";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => a < T.Zero ? T.Zero : a;
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => output <= T.Zero ? T.Zero : T.One;
    }

    /// <summary>out = 1 / (1 + e^-a): d/da = out·(1 - out).</summary>
    public readonly partial struct Sigmoid : IUnaryOp
    {
        public static string Symbol => "sigmoid";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-a));
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => output * (T.One - output);
    }

    /// <summary>out = √a: d/da = 1/(2√a), read off the output; NaN below 0, as in PyTorch.</summary>
    public readonly partial struct Sqrt : IUnaryOp
    {
        public static string Symbol => "sqrt";
        public static T Forward<T>(T a) where T : IFloatingPointIeee754<T> => T.Sqrt(a);
        public static T Local<T>(T a, T output) where T : IFloatingPointIeee754<T> => T.One / (output + output);
    }
}
