using System.Numerics;

namespace Micrograd.Tensors;

/// <summary>A leaf's gradient lock, numbered when made: steps that need several take them in that order, so
/// two of them cannot wait for each other.</summary>
internal sealed class LeafLock
{
    private static long s_next;

    public Lock Lock { get; } = new();

    public long Order { get; } = Interlocked.Increment(ref s_next);
}

/// <summary>Runs one backward step holding the gradient locks of the leaves it adds into, so that threads whose
/// graphs share parameters lose no gradient.</summary>
internal static class LeafLocks
{
    public static void Run<T>(Functions.Function<T> step, Tensor<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        LeafLock? only = null;
        List<LeafLock>? several = null;
        foreach (var input in step.Inputs)
        {
            if (input is not { RequiresGrad: true, Creator: null }) continue;
            var l = input.GradLock;
            if (only is null) only = l;
            else if (l != only && several?.Contains(l) != true) (several ??= [only]).Add(l);
        }

        if (only is null) step.Backward(output, output.GradientSpan());
        else if (several is null)
        {
            using (only.Lock.EnterScope()) step.Backward(output, output.GradientSpan());
        }
        else
        {
            several.Sort((x, y) => x.Order.CompareTo(y.Order));
            int taken = 0;
            try
            {
                for (; taken < several.Count; taken++) several[taken].Lock.Enter();
                step.Backward(output, output.GradientSpan());
            }
            finally
            {
                while (taken > 0) several[--taken].Lock.Exit();
            }
        }
    }
}
