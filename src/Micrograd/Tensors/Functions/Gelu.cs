using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>GELU, x·Φ(x) with Φ the normal distribution's CDF, as torch.nn.functional.gelu: exactly,
/// 0.5·x·(1 + erf(x/√2)); or with <paramref name="tanh"/>, the approximation makemore's NewGELU and GPT-2 use,
/// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
/// <remarks>Backward, exact: Φ(x) + x·φ(x). Approximate, with t = tanh(u), u = √(2/π)·(x + 0.044715·x³):
/// 0.5·(1 + t) + 0.5·x·(1 - t²)·√(2/π)·(1 + 3·0.044715·x²). t is computed again rather than kept.</remarks>
internal sealed class Gelu<T>(Tensor<T> a, bool tanh) : Function<T>(a) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5), Kappa = T.CreateChecked(0.044715), Beta = T.CreateChecked(Math.Sqrt(2 / Math.PI));
    private static readonly T InvSqrt2 = T.CreateChecked(1 / Math.Sqrt(2)), InvSqrt2Pi = T.CreateChecked(1 / Math.Sqrt(2 * Math.PI));

    public override string Name => tanh ? "gelu_tanh" : "gelu";

    public bool Tanh => tanh;

    protected override Tensor<T> Forward()
    {
        var output = Output(A.Dims);
        var x = A.Data.AsSpan();
        var y = output.Data.AsSpan();
        if (tanh)
        {
            TanhOfInner(x, y);
            for (int i = 0; i < y.Length; i++) y[i] = Half * x[i] * (T.One + y[i]);
        }
        else
        {
            for (int i = 0; i < y.Length; i++) y[i] = x[i] * Half * (T.One + T.CreateChecked(Erf.Of(double.CreateChecked(x[i] * InvSqrt2))));
        }
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        var grad = A.GradientSpan();
        var x = A.Data.AsSpan();
        if (tanh)
        {
            var buffer = ArrayPool<T>.Shared.Rent(x.Length);
            var t = buffer.AsSpan(0, x.Length);
            TanhOfInner(x, t);
            for (int i = 0; i < t.Length; i++)
            {
                T xi = x[i], ti = t[i];
                T right = Half * xi * (T.One - ti * ti) * Beta * (T.One + T.CreateChecked(3) * Kappa * xi * xi);
                grad[i] += gradOutput[i] * (Half * (T.One + ti) + right);
            }
            ArrayPool<T>.Shared.Return(buffer);
        }
        else
        {
            for (int i = 0; i < x.Length; i++)
            {
                T xi = x[i];
                T cdf = Half * (T.One + T.CreateChecked(Erf.Of(double.CreateChecked(xi * InvSqrt2))));
                grad[i] += gradOutput[i] * (cdf + xi * InvSqrt2Pi * T.Exp(-Half * xi * xi));
            }
        }
    }

    // t = tanh(√(2/π)·(x + 0.044715·x³)), the tanh through TensorPrimitives, vectorised.
    private static void TanhOfInner(ReadOnlySpan<T> x, Span<T> t)
    {
        for (int i = 0; i < x.Length; i++) t[i] = Beta * (x[i] + Kappa * x[i] * x[i] * x[i]);
        TensorPrimitives.Tanh(t, t);
    }
}
