using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>The arrays ReleaseGraph keeps for reuse are handed back: all at once by Tensor.TrimPool, and a
/// thread's on its own once it has stopped using them across garbage collections.</summary>
[Collection(nameof(TensorPoolTests))]
public class TensorPoolTests
{
    [CollectionDefinition(nameof(TensorPoolTests), DisableParallelization = true)] // they read every pool's total
    public class Alone;

    private static void InferenceOnThreads(int threads)
    {
        var w = Tensor<double>.Zeros([256, 256], requiresGrad: true);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            var x = Tensor<double>.Ones([64, 256]);
            for (int i = 0; i < 3; i++) x.MatMul(w).Tanh().Sum().ReleaseGraph();
        })).ToArray();
        foreach (var t in workers) t.Start();
        foreach (var t in workers) t.Join();
    }

    [Fact]
    public void TrimPool_hands_back_what_every_thread_kept()
    {
        var x = Tensor<double>.Ones([64, 256], requiresGrad: true);
        x.Tanh().Sum().ReleaseGraph(); // this thread keeps two arrays, just used
        Assert.True(TensorPools.HeldBytes() >= 64 * 256 * 8, $"expected this thread's arrays to be kept, got {TensorPools.HeldBytes():N0} bytes");
        InferenceOnThreads(16);
        Tensor.TrimPool();
        Assert.Equal(0, TensorPools.HeldBytes());
    }

    [Fact]
    public void Pools_of_threads_that_stopped_are_dropped_at_later_collections()
    {
        InferenceOnThreads(4);
        Assert.NotEqual(0, TensorPools.HeldBytes());
        for (int i = 0; i < 3 && TensorPools.HeldBytes() > 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.Equal(0, TensorPools.HeldBytes());
    }
}
