namespace Micrograd.Tensors;

public abstract partial class Tensor
{
    [ThreadStatic] private static int t_noGrad;

    /// <summary>False inside a <see cref="NoGrad"/> scope on this thread.</summary>
    public static bool IsGradEnabled => t_noGrad == 0;

    /// <summary>Until disposed, ops on this thread record no graph, as PyTorch's <c>torch.no_grad()</c>: for
    /// evaluating and sampling, where no backward pass follows. Scopes nest.</summary>
    /// <example><code>using (Tensor.NoGrad()) { var logits = model.Forward(x); }</code></example>
    public static NoGradScope NoGrad()
    {
        t_noGrad++;
        return new NoGradScope();
    }

    /// <summary>Hands back the arrays kept for reuse by <see cref="Tensor{T}.ReleaseGraph"/> on every thread.
    /// Optional: a thread's arrays are also dropped at a garbage collection once it has stopped using them.</summary>
    public static void TrimPool() => TensorPools.Trim();

    /// <summary>Ends a <see cref="NoGrad"/> scope.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        public void Dispose()
        {
            if (t_noGrad > 0) t_noGrad--;
        }
    }
}
