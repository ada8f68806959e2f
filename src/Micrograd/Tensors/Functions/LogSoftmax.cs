using System.Numerics;

namespace Micrograd.Tensors.Functions;

/// <summary>out = x - m - log Σ e^(x - m), m the largest element (it only keeps e^x from overflowing, as in
/// PyTorch). Backward: dx = dOut - softmax · Σ dOut along the axis, with softmax = e^out.</summary>
internal sealed class LogSoftmax<T>(Tensor<T> a, int axis) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "log_softmax";

    public static Tensor<T> Apply(Tensor<T> a, int axis)
    {
        int ax = Shape.Axis(axis, a.Dims.Length, a.Dims);
        var (outer, length, inner) = Shape.AroundAxis(a.Dims, ax);
        var output = Output(a.Dims, a.RequiresGrad);
        var x = a.Data;
        var y = output.Data;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * length * inner + i;
                T m = T.NegativeInfinity;
                for (int k = 0; k < length; k++) m = T.Max(m, x[start + k * inner]);
                T sum = T.Zero;
                for (int k = 0; k < length; k++) sum += T.Exp(x[start + k * inner] - m);
                T logSum = T.Log(sum);
                for (int k = 0; k < length; k++) y[start + k * inner] = x[start + k * inner] - m - logSum;
            }
        if (output.RequiresGrad) output.Creator = new LogSoftmax<T>(a, ax);
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var y = output.Data;
        var (outer, length, inner) = Shape.AroundAxis(A.Dims, axis);
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * length * inner + i;
                T sum = T.Zero;
                for (int k = 0; k < length; k++) sum += gradOutput[start + k * inner];
                for (int k = 0; k < length; k++)
                {
                    int at = start + k * inner;
                    grad[at] += gradOutput[at] - T.Exp(y[at]) * sum;
                }
            }
    }
}
