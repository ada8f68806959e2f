namespace Micrograd.Expressions;

/// <summary>
/// Runs a parsed expression's postfix instructions on a stack of <see cref="Value"/>s, so that Backward
/// differentiates it. A loop, not a recursion: any expression the parser accepts builds without a deep stack.
/// </summary>
/// <remarks>
/// <c>a ^ b</c> with a constant exponent (a number, or anything without variables, such as 1/2) is
/// <see cref="Value.Pow"/>, micrograd's <c>a**n</c>. With a variable in the exponent it is built as
/// exp(b·log(a)), the identity behind a^b; that is defined for a &gt; 0 only (NaN otherwise, as log is), and
/// its graph shows the exp, * and log nodes.
/// </remarks>
internal static class GraphBuilder
{
    /// <summary>The graph of <paramref name="program"/>, reading each variable's leaf from
    /// <paramref name="variables"/> (the same leaf wherever the variable occurs, so its gradients add up).</summary>
    public static Value Build(Instruction[] program, IReadOnlyDictionary<string, Value> variables)
    {
        // Each entry: the operand, and whether it depends on a variable (which decides how ^ is built).
        var stack = new Stack<(Value Value, bool HasVariables)>();
        foreach (var step in program)
        {
            switch (step.Kind)
            {
                case InstructionKind.Number:
                    stack.Push((new Value(step.Number), false));
                    break;
                case InstructionKind.Variable:
                    stack.Push((variables[step.Name!], true));
                    break;
                case InstructionKind.Negate:
                    var operand = stack.Pop();
                    stack.Push((-operand.Value, operand.HasVariables));
                    break;
                case InstructionKind.Call:
                    var argument = stack.Pop();
                    stack.Push((FunctionTable.Apply(step.Name!, argument.Value), argument.HasVariables));
                    break;
                case InstructionKind.Binary:
                    var right = stack.Pop();
                    var left = stack.Pop();
                    stack.Push((Apply(step.Op, left, right), left.HasVariables || right.HasVariables));
                    break;
            }
        }
        return stack.Pop().Value;
    }

    /// <summary>The variables <paramref name="program"/> uses, in the order they first appear (postfix keeps
    /// the operands in the order of the text).</summary>
    public static IReadOnlyList<string> Variables(Instruction[] program)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in program)
            if (step.Kind == InstructionKind.Variable && seen.Add(step.Name!)) names.Add(step.Name!);
        return names;
    }

    private static Value Apply(char op, (Value Value, bool HasVariables) left, (Value Value, bool HasVariables) right) => op switch
    {
        '+' => left.Value + right.Value,
        '-' => left.Value - right.Value,
        '*' => left.Value * right.Value,
        '/' => left.Value / right.Value,
        '^' when !right.HasVariables => left.Value.Pow(right.Value.Data),
        '^' => (right.Value * left.Value.Log()).Exp(),
        _ => throw new InvalidOperationException($"Unknown operator '{op}'."),
    };
}
