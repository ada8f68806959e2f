namespace Micrograd;

/// <summary>An op as the scalar engine and the tape see it behind a node's one-byte code (a byte keeps a node
/// at 64 bytes).</summary>
/// <remarks>One instance per op, made from its definition in Ops.cs, registers itself on first use: there is
/// no list of ops to keep in step with the definitions.</remarks>
internal abstract class Operation
{
    private static readonly Lock s_lock = new();
    private static readonly Operation[] s_byCode = new Operation[byte.MaxValue + 1];
    private static int s_count = 1; // code 0 is a leaf

    public static Operation Of(byte code) => s_byCode[code];

    /// <summary>Ops with a constant show it, such as "**2".</summary>
    public abstract string Symbol(Value node);

    /// <summary>True when the node's second operand is an input with a gradient (not an op's constant).</summary>
    public abstract bool HasSecondOperand { get; }

    /// <summary>d(node)/da and d(node)/db at the node's current values (db is 0 for a one-operand op).</summary>
    public abstract (double da, double db) Local(Value node);

    /// <summary>Calls the visitor's method for this op's kind with the op's definition as a type, so that code
    /// above the core (the tape) can run the op's rules without the core knowing it.</summary>
    public abstract TResult Accept<TResult>(IOperationVisitor<TResult> visitor);

    protected static byte Register(Operation op)
    {
        lock (s_lock)
        {
            if (s_count == s_byCode.Length) throw new InvalidOperationException("More than 255 ops: a node's op code is one byte.");
            s_byCode[s_count] = op;
            return (byte)s_count++;
        }
    }

    public sealed class Unary<TOp> : Operation where TOp : struct, IUnaryOp
    {
        public static readonly byte Code = Register(new Unary<TOp>());

        public override string Symbol(Value node) => TOp.Symbol;
        public override bool HasSecondOperand => false;
        public override (double da, double db) Local(Value node) => (TOp.Local(node.A!.Data, node.Data), 0);
        public override TResult Accept<TResult>(IOperationVisitor<TResult> visitor) => visitor.Unary<TOp>();
    }

    public sealed class Binary<TOp> : Operation where TOp : struct, IBinaryOp
    {
        public static readonly byte Code = Register(new Binary<TOp>());

        public override string Symbol(Value node) => TOp.Symbol;
        public override bool HasSecondOperand => true;
        public override (double da, double db) Local(Value node) => TOp.Local(node.A!.Data, node.B!.Data, node.Data);
        public override TResult Accept<TResult>(IOperationVisitor<TResult> visitor) => visitor.Binary<TOp>();
    }

    /// <summary>A second operand that is the op's constant (Pow's exponent): a hidden leaf, not one of the
    /// node's children, given no gradient.</summary>
    public sealed class WithConstant<TOp> : Operation where TOp : struct, IBinaryOp
    {
        public static readonly byte Code = Register(new WithConstant<TOp>());

        public override string Symbol(Value node) => TOp.Symbol + PythonFloat.FormatExponent(node.B!.Data);
        public override bool HasSecondOperand => false;
        public override (double da, double db) Local(Value node) => (TOp.Local(node.A!.Data, node.B!.Data, node.Data).da, 0);
        public override TResult Accept<TResult>(IOperationVisitor<TResult> visitor) => visitor.Binary<TOp>();
    }
}

/// <summary>Something done per kind of op, with the op's definition as a type argument (see <see cref="Operation.Accept"/>).</summary>
internal interface IOperationVisitor<TResult>
{
    TResult Unary<TOp>() where TOp : struct, IUnaryOp;

    /// <summary>A two-operand op, the second operand an input or the op's constant.</summary>
    TResult Binary<TOp>() where TOp : struct, IBinaryOp;
}
