using System.Globalization;

namespace Micrograd.Tensors.Nn;

/// <summary>A module without its parameters: its kind, its settings and its children's, by name. What a model
/// file stores beside the numbers, and what <c>Modules.ModuleKinds.Build</c> builds a module from.</summary>
public sealed record ModuleSpec(string Kind, IReadOnlyDictionary<string, double> Settings, IReadOnlyList<(string Name, ModuleSpec Spec)> Children)
{
    public static ModuleSpec Of<T>(Module<T> module) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        return new(module.Kind, module.Settings, [.. module.Children.Select(c => (c.Name, Of(c.Module)))]);
    }

    /// <summary>A whole-number setting in [min, max].</summary>
    /// <exception cref="ArgumentException">When it is missing, not whole, or out of range.</exception>
    public int Int(string name, int min = 1, int max = int.MaxValue)
    {
        double value = Get(name);
        if (value != Math.Floor(value) || value < min || value > max)
            throw new ArgumentException($"Expected {Kind}'s setting '{name}' to be a whole number from {min} to {max}, got {Format(value)}.");
        return (int)value;
    }

    /// <exception cref="ArgumentException">When it is missing or neither 0 nor 1.</exception>
    public bool Bool(string name) => Get(name) switch
    {
        0 => false,
        1 => true,
        var other => throw new ArgumentException($"Expected {Kind}'s setting '{name}' to be 0 or 1, got {Format(other)}."),
    };

    /// <exception cref="ArgumentException">When it is missing or not in [min, max].</exception>
    public double Number(string name, double min, double max)
    {
        double value = Get(name);
        if (!(value >= min && value <= max))
            throw new ArgumentException($"Expected {Kind}'s setting '{name}' from {Format(min)} to {Format(max)}, got {Format(value)}.");
        return value;
    }

    private double Get(string name) => Settings.TryGetValue(name, out double value)
        ? value
        : throw new ArgumentException($"Expected {Kind} to have the setting '{name}', got {(Settings.Count == 0 ? "none" : string.Join(", ", Settings.Keys))}.");

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
