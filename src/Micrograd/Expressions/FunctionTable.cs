namespace Micrograd.Expressions;

/// <summary>The functions an expression may call: each is one of <see cref="Value"/>'s operations.</summary>
internal static class FunctionTable
{
    private static readonly (string Name, Func<Value, Value> Apply)[] Entries =
    [
        ("exp", v => v.Exp()),
        ("log", v => v.Log()),
        ("tanh", v => v.Tanh()),
        ("relu", v => v.Relu()),
        ("sigmoid", v => v.Sigmoid()),
    ];

    private static readonly Dictionary<string, Func<Value, Value>> Table = Entries.ToDictionary(e => e.Name, e => e.Apply, StringComparer.Ordinal);

    /// <summary>In the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    public static bool IsFunction(string name) => Table.ContainsKey(name);

    public static Value Apply(string name, Value x) => Table[name](x);
}
