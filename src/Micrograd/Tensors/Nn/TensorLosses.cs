using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>The losses of <see cref="Losses"/> on tensors, built from tensor ops, as torch.nn.functional's.</summary>
public static class TensorLosses
{
    /// <exception cref="ArgumentException">When the shapes differ.</exception>
    public static Tensor<T> SumSquaredError<T>(Tensor<T> predictions, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        (predictions - SameShape(targets, predictions)).Pow(T.CreateChecked(2)).Sum();

    public static Tensor<T> MeanSquaredError<T>(Tensor<T> predictions, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        SumSquaredError(predictions, targets) * (T.One / T.CreateChecked(predictions.Count));

    /// <summary>micrograd's max-margin loss, mean of relu(1 - y·score), for scores [N] or [N, 1].</summary>
    /// <exception cref="ArgumentException">When the counts differ or a label is neither -1 nor +1.</exception>
    public static Tensor<T> Hinge<T>(Tensor<T> scores, Tensor<T> labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = SameShape(labels, scores);
        for (int i = 0; i < y.Count; i++)
            if (T.Abs(y.Data[i]) != T.One)
                throw new ArgumentException($"Expected hinge-loss labels of -1 or +1, got {y.Data[i]} for example {i + 1}.", nameof(labels));
        return (T.One - y * scores).Relu().Mean();
    }

    /// <summary>See <see cref="Tensor{T}.CrossEntropy(int[])"/>.</summary>
    public static Tensor<T> CrossEntropy<T>(Tensor<T> logits, int[] targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.CrossEntropy(targets);
    }

    /// <summary><paramref name="alpha"/>·Σp².</summary>
    public static Tensor<T> L2<T>(IReadOnlyList<Tensor<T>> parameters, double alpha) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0) throw new ArgumentException("Expected at least one parameter, got none.", nameof(parameters));
        var sum = (parameters[0] * parameters[0]).Sum();
        for (int i = 1; i < parameters.Count; i++) sum += (parameters[i] * parameters[i]).Sum();
        return sum * T.CreateChecked(alpha);
    }

    // Targets with as many elements as the predictions, seen in their shape (so [N] labels never broadcast
    // against [N, 1] scores into an [N, N] table).
    private static Tensor<T> SameShape<T>(Tensor<T> targets, Tensor<T> predictions) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(predictions);
        if (targets.Count != predictions.Count)
            throw new ArgumentException(
                $"Expected one target per prediction: predictions of shape {Shapes.Format(predictions.Dims)} but targets of shape {Shapes.Format(targets.Dims)}.",
                nameof(targets));
        return targets.Dims.AsSpan().SequenceEqual(predictions.Dims) ? targets : targets.Reshape(predictions.Dims);
    }
}
