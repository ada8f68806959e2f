namespace Micrograd.Expressions;

/// <summary>Runs postfix instructions on a stack of <see cref="Value"/>s: a loop, so any expression the parser
/// accepts builds without a deep stack.</summary>
/// <remarks><c>a ^ b</c> with an exponent free of variables (such as 1/2) is <see cref="Value.Pow"/>; else it is
/// built as exp(b·log(a)), defined for a &gt; 0 only (NaN otherwise, as log is).</remarks>
internal static class GraphBuilder
{
    /// <summary><paramref name="leaves"/>[i] stands for variable i wherever it occurs, so its gradients add up.</summary>
    public static Value Build(Instruction[] program, Value[] leaves)
    {
        // Each operand, and whether it depends on a variable (which decides how ^ is built).
        var values = new Value[program.Length];
        var hasVariables = new bool[program.Length];
        int top = 0;
        for (int i = 0; i < program.Length; i++)
        {
            ref readonly var step = ref program[i];
            switch (step.Kind)
            {
                case InstructionKind.Number:
                    (values[top], hasVariables[top]) = (new Value(step.Number), false);
                    top++;
                    break;
                case InstructionKind.Variable:
                    (values[top], hasVariables[top]) = (leaves[step.Variable], true);
                    top++;
                    break;
                case InstructionKind.Negate:
                    values[top - 1] = -values[top - 1];
                    break;
                case InstructionKind.Call:
                    values[top - 1] = FunctionTable.Apply(step.Name!, values[top - 1]);
                    break;
                case InstructionKind.Binary:
                    top--;
                    values[top - 1] = Apply(step.Op, values[top - 1], values[top], hasVariables[top]);
                    hasVariables[top - 1] |= hasVariables[top];
                    break;
            }
        }
        return values[0];
    }

    private static Value Apply(char op, Value left, Value right, bool rightHasVariables) => op switch
    {
        '+' => left + right,
        '-' => left - right,
        '*' => left * right,
        '/' => left / right,
        '^' when !rightHasVariables => left.Pow(right.Data),
        '^' => (right * left.Log()).Exp(),
        _ => throw new InvalidOperationException($"Unknown operator '{op}'."),
    };
}
