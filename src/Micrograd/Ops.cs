namespace Micrograd;

// Every operation, once. Each op is a small struct holding its forward rule and its local derivatives side
// by side, as in micrograd's engine.py: read one op and you have all of it. The dynamic engine (Value) and
// the compiled tape (Compile/Tape) both call these definitions; neither writes a derivative of its own.
//
// Local(a, b, output) returns d(output)/da and d(output)/db at this point. The engine applies the chain rule
// once for all ops: operand.Grad += local * output.Grad. Unary ops ignore b and return 0 for it.

/// <summary>Which operation made a node. <see cref="Leaf"/> marks a value that was given, not computed.</summary>
internal enum OpCode : byte
{
    Leaf, Add, Sub, Mul, Div, Neg, Pow, Exp, Log, Tanh, Relu, Sigmoid,
}

/// <summary>The shape every operation has: a forward rule and its local derivatives.</summary>
internal interface IOp
{
    /// <summary>The text shown as <see cref="Value.Op"/> and in graph drawings.</summary>
    static abstract string Symbol { get; }

    /// <summary>The output for operands <paramref name="a"/> and <paramref name="b"/>.</summary>
    static abstract double Forward(double a, double b);

    /// <summary>d(output)/da and d(output)/db, given the operands and the output already computed.</summary>
    static abstract (double da, double db) Local(double a, double b, double output);
}

/// <summary>out = a + b: the gradient passes through to both operands unchanged.</summary>
internal readonly struct Add : IOp
{
    public static string Symbol => "+";
    public static double Forward(double a, double b) => a + b;
    public static (double da, double db) Local(double a, double b, double output) => (1, 1);
}

/// <summary>out = a - b.</summary>
internal readonly struct Sub : IOp
{
    public static string Symbol => "-";
    public static double Forward(double a, double b) => a - b;
    public static (double da, double db) Local(double a, double b, double output) => (1, -1);
}

/// <summary>out = a * b: each operand's local derivative is the other operand.</summary>
internal readonly struct Mul : IOp
{
    public static string Symbol => "*";
    public static double Forward(double a, double b) => a * b;
    public static (double da, double db) Local(double a, double b, double output) => (b, a);
}

/// <summary>out = a / b: d/da = 1/b, d/db = -a/b², computed as -(a/b)/b = -out/b as PyTorch does, so that
/// b² cannot underflow to 0 or overflow to infinity when a/b itself is an ordinary number.</summary>
internal readonly struct Div : IOp
{
    public static string Symbol => "/";
    public static double Forward(double a, double b) => a / b;
    public static (double da, double db) Local(double a, double b, double output) => (1 / b, -output / b);
}

/// <summary>out = -a.</summary>
internal readonly struct Neg : IOp
{
    public static string Symbol => "neg";
    public static double Forward(double a, double b) => -a;
    public static (double da, double db) Local(double a, double b, double output) => (-1, 0);
}

/// <summary>out = a ** b for a constant exponent b: d/da = b·a^(b-1). The exponent is a number, not a
/// variable, so it gets no gradient. An exponent of 0 has derivative 0 everywhere, as in PyTorch (the
/// formula would give 0·a^-1, which is NaN at a = 0).</summary>
internal readonly struct Pow : IOp
{
    public static string Symbol => "**";
    public static double Forward(double a, double b) => Math.Pow(a, b);
    public static (double da, double db) Local(double a, double b, double output) =>
        (b == 0 ? 0 : b * Math.Pow(a, b - 1), 0);
}

/// <summary>out = e^a: the exponential is its own derivative.</summary>
internal readonly struct Exp : IOp
{
    public static string Symbol => "exp";
    public static double Forward(double a, double b) => Math.Exp(a);
    public static (double da, double db) Local(double a, double b, double output) => (output, 0);
}

/// <summary>out = ln a: d/da = 1/a. ln 0 is -Infinity and ln of a negative number is NaN, as in PyTorch.</summary>
internal readonly struct Log : IOp
{
    public static string Symbol => "log";
    public static double Forward(double a, double b) => Math.Log(a);
    public static (double da, double db) Local(double a, double b, double output) => (1 / a, 0);
}

/// <summary>out = tanh a: d/da = 1 - tanh² a, read off the output.</summary>
internal readonly struct Tanh : IOp
{
    public static string Symbol => "tanh";
    public static double Forward(double a, double b) => Math.Tanh(a);
    public static (double da, double db) Local(double a, double b, double output) => (1 - output * output, 0);
}

/// <summary>out = max(0, a): d/da = 0 where the output is 0 or less (so 0 at a = 0), else 1, as PyTorch's
/// threshold_backward. NaN passes through as NaN, and so does the gradient at a NaN.</summary>
internal readonly struct Relu : IOp
{
    public static string Symbol => "ReLU";
    public static double Forward(double a, double b) => a < 0 ? 0 : a;
    public static (double da, double db) Local(double a, double b, double output) => (output <= 0 ? 0 : 1, 0);
}

/// <summary>out = 1 / (1 + e^-a): d/da = out·(1 - out).</summary>
internal readonly struct Sigmoid : IOp
{
    public static string Symbol => "sigmoid";
    public static double Forward(double a, double b) => 1 / (1 + Math.Exp(-a));
    public static (double da, double db) Local(double a, double b, double output) => (output * (1 - output), 0);
}

/// <summary>Finds an op's definition from its code. Dispatch only: no arithmetic lives here.</summary>
internal static class Ops
{
    /// <summary>The forward rule of <paramref name="op"/>.</summary>
    public static double Forward(OpCode op, double a, double b) => op switch
    {
        OpCode.Add => Add.Forward(a, b),
        OpCode.Sub => Sub.Forward(a, b),
        OpCode.Mul => Mul.Forward(a, b),
        OpCode.Div => Div.Forward(a, b),
        OpCode.Neg => Neg.Forward(a, b),
        OpCode.Pow => Pow.Forward(a, b),
        OpCode.Exp => Exp.Forward(a, b),
        OpCode.Log => Log.Forward(a, b),
        OpCode.Tanh => Tanh.Forward(a, b),
        OpCode.Relu => Relu.Forward(a, b),
        OpCode.Sigmoid => Sigmoid.Forward(a, b),
        _ => throw new InvalidOperationException($"A leaf has no forward rule ({op})."),
    };

    /// <summary>The local derivatives of <paramref name="op"/>.</summary>
    public static (double da, double db) Local(OpCode op, double a, double b, double output) => op switch
    {
        OpCode.Add => Add.Local(a, b, output),
        OpCode.Sub => Sub.Local(a, b, output),
        OpCode.Mul => Mul.Local(a, b, output),
        OpCode.Div => Div.Local(a, b, output),
        OpCode.Neg => Neg.Local(a, b, output),
        OpCode.Pow => Pow.Local(a, b, output),
        OpCode.Exp => Exp.Local(a, b, output),
        OpCode.Log => Log.Local(a, b, output),
        OpCode.Tanh => Tanh.Local(a, b, output),
        OpCode.Relu => Relu.Local(a, b, output),
        OpCode.Sigmoid => Sigmoid.Local(a, b, output),
        _ => throw new InvalidOperationException($"A leaf has no derivative ({op})."),
    };

    /// <summary>The symbol of <paramref name="op"/>: "" for a leaf.</summary>
    public static string Symbol(OpCode op) => op switch
    {
        OpCode.Leaf => "",
        OpCode.Add => Add.Symbol,
        OpCode.Sub => Sub.Symbol,
        OpCode.Mul => Mul.Symbol,
        OpCode.Div => Div.Symbol,
        OpCode.Neg => Neg.Symbol,
        OpCode.Pow => Pow.Symbol,
        OpCode.Exp => Exp.Symbol,
        OpCode.Log => Log.Symbol,
        OpCode.Tanh => Tanh.Symbol,
        OpCode.Relu => Relu.Symbol,
        OpCode.Sigmoid => Sigmoid.Symbol,
        _ => throw new InvalidOperationException($"Unknown op {op}."),
    };

    /// <summary>True for ops that read only their first operand.</summary>
    public static bool IsUnary(OpCode op) => op >= OpCode.Neg && op != OpCode.Pow;
}
