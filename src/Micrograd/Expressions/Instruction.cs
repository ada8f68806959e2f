namespace Micrograd.Expressions;

internal enum InstructionKind { Number, Variable, Negate, Call, Binary }

/// <summary>One step of a parsed expression in postfix order: x*y + exp(x) is x, y, *, x, exp, +. A flat list
/// needs no recursion, however deep the expression.</summary>
internal readonly record struct Instruction(InstructionKind Kind, double Number = 0, string? Name = null, char Op = '\0', int Variable = -1);
