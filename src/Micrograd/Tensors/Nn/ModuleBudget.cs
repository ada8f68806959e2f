namespace Micrograd.Tensors.Nn;

/// <summary>The most parameter numbers modules may allocate on this thread while a limit is on: a model file's
/// reader sets it to what the file holds, so that a file asking for huge layers fails before they are made.</summary>
public static class ModuleBudget
{
    [ThreadStatic] private static long? t_left;

    /// <summary>Until disposed, modules built on this thread may allocate at most <paramref name="numbers"/>
    /// parameter numbers in all.</summary>
    public static IDisposable Limit(long numbers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numbers);
        var outer = t_left;
        t_left = numbers;
        return new Scope(outer);
    }

    /// <exception cref="ArgumentException">When the shape's count (or the count itself) is beyond the limit.</exception>
    internal static void Spend(string name, int[] shape)
    {
        double product = 1; // in double, so no product of ints can wrap around
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Expected dimensions of 0 or more for parameter '{name}', got {Shapes.Format(shape)}.");
            product *= d;
        }
        if (product > Array.MaxLength)
            throw new ArgumentException($"Expected at most {Array.MaxLength:N0} numbers in parameter '{name}', but {Shapes.Format(shape)} has more.");
        long count = (long)product;
        if (t_left is not { } left) return;
        if (count > left)
            throw new ArgumentException($"Expected at most {left:N0} more parameter numbers, but '{name}' of shape {Shapes.Format(shape)} needs {count:N0}.");
        t_left = left - count;
    }

    private sealed class Scope(long? outer) : IDisposable
    {
        public void Dispose() => t_left = outer;
    }
}
