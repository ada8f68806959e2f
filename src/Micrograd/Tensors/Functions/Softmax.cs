using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>softmax along an axis: out = e^(x - m) / Σ e^(x - m), m the line's largest element (it only keeps
/// e^x from overflowing, as in PyTorch); with <paramref name="log"/>, log-softmax: out = x - m - log Σ e^(x - m).
/// Backward: dx = y·(dOut - Σ dOut·y) for softmax, dx = dOut - e^out·Σ dOut for log-softmax.</summary>
internal sealed class Softmax<T>(Tensor<T> a, int axis, bool log) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _axis = axis;

    public override string Name => log ? "log_softmax" : "softmax";

    public int Axis => _axis;

    public bool IsLog => log;

    protected override Tensor<T> Forward()
    {
        _axis = Shapes.Axis(_axis, A.Dims);
        var output = Output(A.Dims);
        var lines = new AxisLines<T>(A.Dims, _axis);
        var scratch = ArrayPool<T>.Shared.Rent(3 * lines.Length);
        var sx = scratch.AsSpan(0, lines.Length);
        var sy = scratch.AsSpan(lines.Length, lines.Length);
        var exp = scratch.AsSpan(2 * lines.Length, lines.Length);
        for (int line = 0; line < lines.Count; line++)
        {
            var x = lines.Read(A.Data, line, sx);
            var y = lines.Target(output.Data, line, sy);
            if (x.Length > 0)
            {
                TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), y);
                if (log)
                {
                    TensorPrimitives.Exp(y, exp);
                    T logSum = T.Log(TensorPrimitives.Sum<T>(exp));
                    TensorPrimitives.Subtract(y, logSum, y);
                }
                else
                {
                    TensorPrimitives.Exp(y, y);
                    TensorPrimitives.Divide(y, TensorPrimitives.Sum<T>(y), y);
                }
            }
            lines.Write(y, output.Data, line);
        }
        ArrayPool<T>.Shared.Return(scratch);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var lines = new AxisLines<T>(A.Dims, _axis);
        var scratch = ArrayPool<T>.Shared.Rent(3 * lines.Length);
        var sy = scratch.AsSpan(0, lines.Length);
        var sg = scratch.AsSpan(lines.Length, lines.Length);
        var dx = scratch.AsSpan(2 * lines.Length, lines.Length);
        var grad = A.GradientSpan();
        for (int line = 0; line < lines.Count; line++)
        {
            var y = lines.Read(output.Data, line, sy);
            var g = lines.Read(gradOutput, line, sg);
            if (log)
            {
                T sum = TensorPrimitives.Sum(g);
                TensorPrimitives.Exp(y, dx);
                TensorPrimitives.Multiply(dx, -sum, dx);
                TensorPrimitives.Add(dx, g, dx);
            }
            else
            {
                T dot = TensorPrimitives.Dot(g, y);
                TensorPrimitives.Subtract(g, dot, dx);
                TensorPrimitives.Multiply(dx, y, dx);
            }
            lines.Add(dx, grad, line);
        }
        ArrayPool<T>.Shared.Return(scratch);
    }
}
