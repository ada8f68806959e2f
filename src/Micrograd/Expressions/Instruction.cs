namespace Micrograd.Expressions;

/// <summary>What an <see cref="Instruction"/> does.</summary>
internal enum InstructionKind { Number, Variable, Negate, Call, Binary }

/// <summary>
/// One step of a parsed expression in postfix order (operands before their operator, as a stack machine runs
/// them): x*y + exp(x) is x, y, *, x, exp, +. Walking a flat list needs no recursion, however long or deep
/// the expression. Each step remembers where it starts in the text (0-based), for messages.
/// </summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Position">Where it starts in the text.</param>
/// <param name="Number">For a number: its value.</param>
/// <param name="Name">For a variable or a call: the name.</param>
/// <param name="Op">For a binary operation: one of + - * / ^.</param>
/// <param name="Variable">For a variable: its index in <see cref="Expression.Variables"/>.</param>
internal readonly record struct Instruction(InstructionKind Kind, int Position, double Number = 0, string? Name = null, char Op = '\0', int Variable = -1);
