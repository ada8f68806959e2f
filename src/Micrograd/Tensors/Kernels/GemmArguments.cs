namespace Micrograd.Tensors.Kernels;

/// <summary>The checks on a GEMM call's sizes, strides and spans, made before any number is touched.</summary>
internal static class GemmArguments
{
    public static void Check(bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, int threads)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentException($"Matrix sizes must not be negative; got m = {m}, n = {n}, k = {k}.");
        if (threads < 1)
            throw new ArgumentException($"The number of threads must be at least 1; got {threads}.", nameof(threads));
        Operand("A", transposeA ? k : m, transposeA ? m : k, transposeA, aLength, lda, m, n, k);
        Operand("B", transposeB ? n : k, transposeB ? k : n, transposeB, bLength, ldb, m, n, k);
        Operand("C", m, n, false, cLength, ldc, m, n, k);
    }

    /// <summary>A stored rows×cols with row stride <paramref name="stride"/> must have stride ≥ cols and
    /// (rows − 1)·stride + cols numbers.</summary>
    private static void Operand(string name, int rows, int cols, bool transposed, int length, int stride, int m, int n, int k)
    {
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * stride + cols;
        if (stride >= cols && length >= needed) return;
        string stored = $"For op(A) {m}×{k} times op(B) {k}×{n}, {name}{(transposed ? " (transposed)" : "")} is stored {rows}×{cols}";
        throw new ArgumentException(stride < cols
            ? $"{stored}, so its row stride must be at least {cols}; got {stride}."
            : $"{stored} with row stride {stride}, which takes {needed} numbers; the span has {length}.");
    }
}
