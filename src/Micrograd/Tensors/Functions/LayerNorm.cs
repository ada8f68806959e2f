using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Micrograd.Tensors.Functions;

/// <summary>torch.nn.functional.layer_norm over the last axis: each row x of length C becomes
/// x̂·w + b with x̂ = (x - mean)/√(var + eps), var the biased variance (divided by C, as PyTorch's).</summary>
/// <remarks>Backward, per row, with g' = g·w: dx = (g' - mean(g') - x̂·mean(g'·x̂))/√(var + eps); dw = Σ_rows g·x̂;
/// db = Σ_rows g. Each row's mean and 1/√(var + eps) are kept from the forward pass.</remarks>
internal sealed class LayerNorm<T> : Function<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _eps;
    private readonly bool _affine;
    private T[] _mean = [], _rstd = [];

    /// <summary>The weight and bias are both [C], or both null.</summary>
    public LayerNorm(Tensor<T> x, Tensor<T>? weight, Tensor<T>? bias, double eps)
        : base(weight is null || bias is null ? [x] : [x, weight, bias])
    {
        if ((weight is null) != (bias is null)) throw new ArgumentException("Expected both a weight and a bias for layer norm, or neither.");
        if (!(eps > 0) || !double.IsFinite(eps)) throw new ArgumentOutOfRangeException(nameof(eps), eps, $"Expected a positive eps for layer norm, got {eps}.");
        _eps = T.CreateChecked(eps);
        _affine = weight is not null;
    }

    public override string Name => "layer_norm";

    public double Eps => double.CreateChecked(_eps);

    protected override Tensor<T> Forward()
    {
        if (A.Dims.Length == 0 || A.Dims[^1] == 0) throw new ArgumentException($"Expected a tensor [..., C] with C > 0 for layer norm, got {Shapes.Format(A.Dims)}.");
        int c = A.Dims[^1], rows = A.Count / c;
        if (_affine && (Inputs[1].Dims is not [var w] || w != c || Inputs[2].Dims is not [var b] || b != c))
            throw new ArgumentException($"Expected a weight and bias of shape [{c}] for layer norm, got {Shapes.Format(Inputs[1].Dims)} and {Shapes.Format(Inputs[2].Dims)}.");
        var output = Output(A.Dims);
        var x = A.Data.AsSpan();
        var y = output.Data.AsSpan();
        _mean = new T[rows];
        _rstd = new T[rows];
        T n = T.CreateChecked(c);
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * c, c);
            var yr = y.Slice(r * c, c);
            T mean = TensorPrimitives.Sum(xr) / n;
            TensorPrimitives.Subtract(xr, mean, yr);
            T variance = TensorPrimitives.SumOfSquares<T>(yr) / n;
            T rstd = T.One / T.Sqrt(variance + _eps);
            TensorPrimitives.Multiply(yr, rstd, yr);
            if (_affine)
            {
                TensorPrimitives.Multiply(yr, Inputs[1].Data, yr);
                TensorPrimitives.Add(yr, Inputs[2].Data, yr);
            }
            (_mean[r], _rstd[r]) = (mean, rstd);
        }
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        int c = A.Dims[^1], rows = A.Count / c;
        var x = A.Data.AsSpan();
        var buffer = ArrayPool<T>.Shared.Rent(2 * c);
        var xhat = buffer.AsSpan(0, c);
        var gw = buffer.AsSpan(c, c);
        bool wantX = A.RequiresGrad, wantW = _affine && Inputs[1].RequiresGrad, wantB = _affine && Inputs[2].RequiresGrad;
        var dx = wantX ? A.GradientSpan() : default;
        var dw = wantW ? Inputs[1].GradientSpan() : default;
        var db = wantB ? Inputs[2].GradientSpan() : default;
        T n = T.CreateChecked(c);
        for (int r = 0; r < rows; r++)
        {
            var g = gradOutput.Slice(r * c, c);
            TensorPrimitives.Subtract(x.Slice(r * c, c), _mean[r], xhat);
            TensorPrimitives.Multiply(xhat, _rstd[r], xhat);
            if (wantW) TensorPrimitives.MultiplyAdd(g, xhat, dw, dw);
            if (wantB) TensorPrimitives.Add(db, g, db);
            if (!wantX) continue;
            if (_affine) TensorPrimitives.Multiply(g, Inputs[1].Data, gw);
            else g.CopyTo(gw);
            T meanG = TensorPrimitives.Sum<T>(gw) / n, meanGx = TensorPrimitives.Dot<T>(gw, xhat) / n;
            // dx = rstd·(g' - mean(g') - x̂·mean(g'·x̂)), added into the row's gradient
            TensorPrimitives.Multiply(xhat, -meanGx, xhat);
            TensorPrimitives.Add(xhat, gw, xhat);
            TensorPrimitives.Subtract(xhat, meanG, xhat);
            var into = dx.Slice(r * c, c);
            TensorPrimitives.MultiplyAdd(xhat, _rstd[r], into, into);
        }
        ArrayPool<T>.Shared.Return(buffer);
    }
}
