namespace Micrograd;

/// <summary>Built from Values, so that <see cref="Value.Backward()"/> tells each parameter which way to move.</summary>
public static class Losses
{
    /// <summary>The lecture's loss.</summary>
    public static Value SumSquaredError(IReadOnlyList<Value> predictions, IReadOnlyList<double> targets)
    {
        CheckPairs(predictions, targets);
        return Value.Sum(predictions.Select((p, i) => (p - targets[i]).Pow(2)));
    }

    public static Value MeanSquaredError(IReadOnlyList<Value> predictions, IReadOnlyList<double> targets) =>
        Mean(SumSquaredError(predictions, targets), predictions.Count);

    /// <summary>micrograd's max-margin loss: the mean of relu(1 - y·score); an example scores no loss once it
    /// is on the right side with a margin of 1.</summary>
    /// <exception cref="ArgumentException">When a label is neither -1 nor +1.</exception>
    public static Value Hinge(IReadOnlyList<Value> scores, IReadOnlyList<double> labels)
    {
        CheckPairs(scores, labels);
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] is not (1.0 or -1.0))
                throw new ArgumentException($"Expected hinge-loss labels of -1 or +1, got {labels[i]} for example {i + 1}.", nameof(labels));
        return Mean(Value.Sum(scores.Select((s, i) => (1 - labels[i] * s).Relu())), scores.Count);
    }

    /// <summary><paramref name="alpha"/>·Σp², which pulls weights towards 0.</summary>
    public static Value L2(IReadOnlyList<Value> parameters, double alpha)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Value.Sum(parameters.Select(p => p * p)) * alpha;
    }

    /// <summary>-log softmax(logits)[target], as log(Σ e^(l_j - m)) - (l_target - m) with m the largest logit,
    /// a plain number like PyTorch's detached maximum: it only keeps e^x from overflowing.</summary>
    /// <exception cref="ArgumentException">When <paramref name="target"/> is not a valid class index.</exception>
    public static Value CrossEntropy(IReadOnlyList<Value> logits, int target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (target < 0 || target >= logits.Count)
            throw new ArgumentException($"Expected a class index from 0 to {logits.Count - 1}, got {target}.", nameof(target));
        double m = logits.Max(l => l.Data);
        var logSumExp = Value.Sum(logits.Select(l => (l - m).Exp())).Log();
        return logSumExp - (logits[target] - m);
    }

    /// <exception cref="ArgumentException">When a target is not a whole number within the logits' range.</exception>
    public static Value CrossEntropy(IReadOnlyList<IReadOnlyList<Value>> logits, IReadOnlyList<double> targets)
    {
        CheckPairs(logits, targets);
        return Mean(Value.Sum(logits.Select((l, i) => CrossEntropy(l, ClassIndex(targets[i], l.Count, i)))), logits.Count);
    }

    // A target as a class index; example counts from 0 here and from 1 in the message.
    internal static int ClassIndex(double target, int classCount, int example) =>
        target >= 0 && target < classCount && target == Math.Floor(target)
            ? (int)target
            : throw new ArgumentException($"Expected a class index from 0 to {classCount - 1}, got {target} for example {example + 1}.", "targets");

    private static Value Mean(Value sum, int n) => sum * (1.0 / n);

    private static void CheckPairs<T>(IReadOnlyList<T> predictions, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Count != targets.Count)
            throw new ArgumentException($"Expected one target per prediction: {predictions.Count} predictions but {targets.Count} targets.", nameof(targets));
        if (predictions.Count == 0)
            throw new ArgumentException("Expected at least one example, got none.", nameof(predictions));
    }
}
