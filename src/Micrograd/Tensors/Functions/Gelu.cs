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
    private static readonly T Kappa3 = T.CreateChecked(3 * 0.044715);

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
            VectorLoop.Map(new TanhForm(), x, y, default, y);
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
            VectorLoop.Map(new TanhFormDerivative(), x, t, gradOutput, t);
            TensorPrimitives.Add(grad, t, grad);
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

    // t = tanh(√(2/π)·(x + 0.044715·x³)), the tanh through TensorPrimitives.
    private static void TanhOfInner(ReadOnlySpan<T> x, Span<T> t)
    {
        VectorLoop.Map(new Inner(), x, default, default, t);
        TensorPrimitives.Tanh(t, t);
    }

    private readonly struct Inner : IVectorRule<T>
    {
        public Vector<T> Apply(Vector<T> x, Vector<T> _, Vector<T> __) => new Vector<T>(Beta) * (x + new Vector<T>(Kappa) * x * x * x);
    }

    // y = 0.5·x·(1 + t)
    private readonly struct TanhForm : IVectorRule<T>
    {
        public Vector<T> Apply(Vector<T> x, Vector<T> t, Vector<T> _) => new Vector<T>(Half) * x * (Vector<T>.One + t);
    }

    // g·(0.5·(1 + t) + 0.5·x·(1 - t²)·√(2/π)·(1 + 3·0.044715·x²))
    private readonly struct TanhFormDerivative : IVectorRule<T>
    {
        public Vector<T> Apply(Vector<T> x, Vector<T> t, Vector<T> g)
        {
            var half = new Vector<T>(Half);
            var right = half * x * (Vector<T>.One - t * t) * new Vector<T>(Beta) * (Vector<T>.One + new Vector<T>(Kappa3) * x * x);
            return g * (half * (Vector<T>.One + t) + right);
        }
    }
}
