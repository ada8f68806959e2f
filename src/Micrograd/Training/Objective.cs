using System.Numerics;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Training;

/// <summary>The loss a run minimises, plus an optional α·Σp² (<paramref name="l2"/>), and the accuracy that
/// goes with it, reading the outputs as <paramref name="outputs"/> says.</summary>
public sealed class Objective(LossKind kind, double l2, OutputKind outputs)
{
    public LossKind Kind { get; } = kind;

    public double L2 { get; } = l2;

    public OutputKind Outputs { get; } = outputs;

    /// <summary>One array of outputs per example.</summary>
    public Value Loss(IReadOnlyList<Value[]> outputs, IReadOnlyList<double> targets, IReadOnlyList<Value> parameters)
    {
        var loss = Kind switch
        {
            LossKind.SumSquaredError => Losses.SumSquaredError(outputs.Select(o => o[0]).ToArray(), targets),
            LossKind.MeanSquaredError => Losses.MeanSquaredError(outputs.Select(o => o[0]).ToArray(), targets),
            LossKind.Hinge => Losses.Hinge(outputs.Select(o => o[0]).ToArray(), targets),
            LossKind.CrossEntropy => Losses.CrossEntropy(outputs, targets),
            _ => throw new InvalidOperationException($"Unknown loss {Kind}."),
        };
        return L2 == 0 ? loss : loss + Losses.L2(parameters, L2);
    }

    /// <summary>For outputs [N, outputs] and N targets.</summary>
    public Tensor<T> Loss<T>(Tensor<T> outputs, Tensor<T> targets, IReadOnlyList<Tensor<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = DataLoss(outputs, targets);
        return L2 == 0 ? loss : loss + TensorLosses.L2(parameters, L2);
    }

    /// <summary>Without the L2 term.</summary>
    public Tensor<T> DataLoss<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> => Kind switch
    {
        LossKind.SumSquaredError => TensorLosses.SumSquaredError(outputs, targets),
        LossKind.MeanSquaredError => TensorLosses.MeanSquaredError(outputs, targets),
        LossKind.Hinge => TensorLosses.Hinge(outputs, targets),
        LossKind.CrossEntropy => TensorLosses.CrossEntropy(outputs, ClassIndices(targets)),
        _ => throw new InvalidOperationException($"Unknown loss {Kind}."),
    };

    /// <summary>True when the loss adds up over examples (the sum of squared errors) rather than averaging.</summary>
    public bool SumsOverExamples => Kind == LossKind.SumSquaredError;

    /// <summary>Null for regression (<see cref="OutputKind.Regression"/>) or no examples.</summary>
    public double? Accuracy(IReadOnlyList<IReadOnlyList<double>> outputs, IReadOnlyList<double> targets)
    {
        if (Outputs == OutputKind.Regression || targets.Count == 0) return null;
        int right = 0;
        for (int i = 0; i < targets.Count; i++)
            if (Outputs.Predict(outputs[i]) == targets[i]) right++;
        return (double)right / targets.Count;
    }

    /// <summary>Rows of <paramref name="outputs"/> ([N, width]) that predict their target; 0 for regression.</summary>
    public int Correct<T>(ReadOnlySpan<T> outputs, int width, ReadOnlySpan<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Outputs == OutputKind.Regression) return 0;
        int right = 0;
        for (int i = 0; i < targets.Length; i++)
            if (Outputs.Predict(outputs.Slice(i * width, width)) == double.CreateChecked(targets[i])) right++;
        return right;
    }

    private static int[] ClassIndices<T>(Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var classes = new int[targets.Count];
        for (int i = 0; i < classes.Length; i++) classes[i] = int.CreateSaturating(targets.Data[i]);
        return classes;
    }

    /// <exception cref="ArgumentException">When the data or the number of outputs do not suit this loss.</exception>
    public void Validate(Data.Dataset data, int outputCount)
    {
        switch (Kind)
        {
            case LossKind.CrossEntropy:
                if (outputCount < 2)
                    throw new ArgumentException($"Expected at least 2 outputs for cross-entropy (one per class), got {outputCount}.");
                if (data.Count > 0 && data.Targets.Max() is var top && top >= outputCount && top == Math.Floor(top) && top < int.MaxValue)
                    throw new ArgumentException(
                        $"Expected at most {outputCount} classes, one per output, for cross-entropy; '{data.Name}' has classes up to {top} ({top + 1} classes). " +
                        $"Give the last layer {top + 1} outputs.");
                for (int i = 0; i < data.Count; i++) Losses.ClassIndex(data.Targets[i], outputCount, i);
                break;
            case LossKind.Hinge:
                if (outputCount != 1) throw new ArgumentException($"Expected 1 output (a score) for the hinge loss, got {outputCount}.");
                for (int i = 0; i < data.Count; i++)
                    if (data.Targets[i] is not (1.0 or -1.0))
                        throw new ArgumentException($"Expected hinge-loss labels of -1 or +1, got {data.Targets[i]} for example {i + 1}.");
                break;
            default:
                if (outputCount != 1) throw new ArgumentException($"Expected 1 output for a squared-error loss, got {outputCount}.");
                break;
        }
    }
}
