using System.Numerics;
using Micrograd.Tensors;

namespace Micrograd.Tensors.Nn;

/// <summary>A module's outputs for rows of numbers, as <c>predict</c> computes them: in evaluation mode, without
/// a graph, a chunk of rows at a time as one batch.</summary>
public static class Predictions
{
    /// <summary>At most this many numbers go into one batch.</summary>
    private const int ChunkNumbers = 1 << 20;

    /// <summary>Each row's outputs, flattened; each row holds <see cref="ModelInput.Count"/> numbers, seen in
    /// <see cref="ModelInput.Shape"/>.</summary>
    /// <exception cref="ArgumentException">For a row of another length, or an index input that is not a whole
    /// number the model's Embedding has.</exception>
    public static double[][] Of<T>(Module<T> module, ModelInput input, IReadOnlyList<IReadOnlyList<double>> rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rows);
        using var eval = new EvalScope<T>(module);
        using var noGrad = Tensor.NoGrad();
        int width = input.Count, chunk = Math.Max(1, ChunkNumbers / width);
        var outputs = new double[rows.Count][];
        for (int start = 0; start < rows.Count; start += chunk)
        {
            int n = Math.Min(chunk, rows.Count - start);
            var x = new T[n * width];
            for (int r = 0; r < n; r++)
            {
                var row = rows[start + r] ?? throw new ArgumentNullException(nameof(rows), $"Expected a row of numbers, got null for row {start + r + 1}.");
                if (row.Count != width)
                    throw new ArgumentException($"Expected {width} inputs in every row, got {row.Count} in row {start + r + 1}.", nameof(rows));
                for (int i = 0; i < width; i++) x[r * width + i] = T.CreateChecked(row[i]);
            }
            var y = module.Forward(Tensor<T>.FromArray(x, [n, .. input.Shape]));
            var values = y.ToArray();
            int per = n == 0 ? 0 : values.Length / n;
            for (int r = 0; r < n; r++)
            {
                var output = outputs[start + r] = new double[per];
                for (int j = 0; j < per; j++) output[j] = double.CreateChecked(values[r * per + j]);
            }
        }
        return outputs;
    }
}
