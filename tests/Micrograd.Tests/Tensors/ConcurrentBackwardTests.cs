using Micrograd.Tensors;

namespace Micrograd.Tests.Tensors;

/// <summary>Threads running backward passes at once through graphs that share parameters lose no gradient:
/// adding into a leaf's gradient is locked, as in PyTorch, the first touch included.</summary>
public class ConcurrentBackwardTests
{
    [Fact]
    public void Eight_threads_sharing_parameters_add_up_every_gradient()
    {
        const int threads = 8, passes = 200;
        for (int round = 0; round < 5; round++)
        {
            var w = Tensor<double>.FromArray([1, 2, 3, 4], [2, 2], requiresGrad: true);
            var b = Tensor<double>.FromArray([0.5, -0.5], [2], requiresGrad: true);
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                var x = Tensor<double>.FromArray([1, 1, 1, 1], [2, 2]);
                start.SignalAndWait();
                for (int i = 0; i < passes; i++)
                {
                    var loss = (x.MatMul(w) + b).Sum() + (w * b).Sum(); // w and b each reached twice per pass
                    loss.Backward();
                    loss.ReleaseGraph();
                }
            })).ToArray();
            foreach (var worker in workers) worker.Start();
            foreach (var worker in workers) worker.Join();

            // One pass: d/dw of Σ(x·w) is 2 per element (x is all ones, 2 rows), plus b broadcast over rows;
            // d/db is 2 (one per row) plus the column sums of w.
            double n = threads * passes;
            Assert.Equal([n * 2.5, n * 1.5, n * 2.5, n * 1.5], w.Grad!.ToArray());
            Assert.Equal([n * (2 + 4), n * (2 + 6)], b.Grad!.ToArray());
        }
    }
}
