namespace Micrograd.Compile;

/// <summary>The tape's loops for one op (TapeLoops specialised to its definition), found once per op code
/// through <see cref="Operation.Accept"/>: the tape reaches into the core, never the other way round.</summary>
internal sealed class TapeOp(Action<TapeArrays, int, int> forward, Action<TapeArrays, int, int> backward)
{
    private static readonly TapeOp?[] s_byCode = new TapeOp?[byte.MaxValue + 1];

    public static TapeOp Of(Value node) => s_byCode[node.Code] ??= node.Operation.Accept(new Loops());

    /// <summary>Computes slots <paramref name="start"/> to <paramref name="end"/> - 1, all of this op.</summary>
    public void Forward(TapeArrays tape, int start, int end) => forward(tape, start, end);

    /// <summary>Passes the gradients of those slots on to their operands, last slot first.</summary>
    public void Backward(TapeArrays tape, int start, int end) => backward(tape, start, end);

    private sealed class Loops : IOperationVisitor<TapeOp>
    {
        public TapeOp Unary<TOp>() where TOp : struct, IUnaryOp => new(TapeLoops.Forward<TOp>, TapeLoops.Backward<TOp>);

        public TapeOp Binary<TOp>() where TOp : struct, IBinaryOp => new(TapeLoops.ForwardBinary<TOp>, TapeLoops.BackwardBinary<TOp>);
    }
}
