using System.Numerics;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.matmul for operands of rank 2 or more: out[..., n, m] = a[..., n, k] · b[..., k, m], the
/// dimensions before the last two (the batch) broadcast.</summary>
/// <remarks>Backward is two more products per matrix, each element of a weight's gradient being a sum over the
/// batch: dA = dOut · Bᵀ and dB = Aᵀ · dOut. The kernel reads the transposes in place and adds into the
/// gradient, so a matrix used by many batch entries (broadcast) receives the sum of their gradients.</remarks>
internal sealed class MatMul<T>(Tensor<T> a, Tensor<T> b) : Function<T>(a, b) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _batch = [];

    public override string Name => "matmul";

    protected override Tensor<T> Forward()
    {
        var (a, b) = (A.Dims, B.Dims);
        if (a.Length < 2 || b.Length < 2 || a[^1] != b[^2])
            throw new ArgumentException(
                $"Expected operands [..., n, k] and [..., k, m] for MatMul, got {Shapes.Format(a)} and {Shapes.Format(b)}.");
        _batch = Shapes.Broadcast(a[..^2], b[..^2], "matmul");
        int n = a[^2], k = a[^1], m = b[^1];
        var output = Output([.. _batch, n, m], zeroed: true);
        var (x, y, z) = (A.Data, B.Data, output.Data);
        if (OneMatrix(B))
            Gemm.Multiply<T>(false, false, A.Count / k, m, k, x, k, y, m, z, m, Tensor.MaxThreads);
        else
            foreach (var (ia, ib, io) in Matrices())
                Gemm.Multiply<T>(false, false, n, m, k, x.AsSpan(ia * n * k), k, y.AsSpan(ib * k * m), m, z.AsSpan(io * n * m), m, Tensor.MaxThreads);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var (a, b) = (A.Dims, B.Dims);
        int n = a[^2], k = a[^1], m = b[^1];
        var (x, y) = (A.Data, B.Data);
        if (OneMatrix(B))
        {
            // The batch is only more rows of A: dA = G·Bᵀ, dB = Aᵀ·G over all rows at once.
            int rows = A.Count / k;
            if (A.RequiresGrad) Gemm.Multiply<T>(false, true, rows, k, m, gradOutput, m, y, m, A.GradientSpan(), k, Tensor.MaxThreads);
            if (B.RequiresGrad) Gemm.Multiply<T>(true, false, k, m, rows, x, k, gradOutput, m, B.GradientSpan(), m, Tensor.MaxThreads);
            return;
        }
        foreach (var (ia, ib, io) in Matrices())
        {
            var g = gradOutput.Slice(io * n * m, n * m);
            if (A.RequiresGrad) Gemm.Multiply<T>(false, true, n, k, m, g, m, y.AsSpan(ib * k * m, k * m), m, A.GradientSpan().Slice(ia * n * k, n * k), k, Tensor.MaxThreads);
            if (B.RequiresGrad) Gemm.Multiply<T>(true, false, k, m, n, x.AsSpan(ia * n * k, n * k), k, g, m, B.GradientSpan().Slice(ib * k * m, k * m), m, Tensor.MaxThreads);
        }
    }

    // When b is one matrix (rank 2, or a batch of 1s) and a's batch is the output's, the product folds a's batch
    // into rows: one large product instead of many small ones.
    private bool OneMatrix(Tensor<T> b) => b.Count == b.Dims[^2] * b.Dims[^1] && A.Count / (A.Dims[^2] * A.Dims[^1]) == Shapes.Count(_batch);

    // Each output matrix with the matrices of a and b it comes from, by index.
    private List<(int A, int B, int Output)> Matrices()
    {
        var list = new List<(int, int, int)>(Shapes.Count(_batch));
        var rows = new BroadcastRows(_batch, A.Dims[..^2], B.Dims[..^2]);
        int length = rows.Length, sa = rows.StrideA, sb = rows.StrideB;
        while (rows.Next(out int o, out int ia, out int ib))
            for (int j = 0; j < length; j++) list.Add((ia + j * sa, ib + j * sb, o + j));
        return list;
    }
}
