using System.Numerics;
using System.Numerics.Tensors;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Tensors.Functions;

/// <summary>PyTorch's F.linear: out[..., o] = Σ_i x[..., i]·W[o, i] + b[o], W of shape [out, in] as in
/// torch.nn.Linear. One product for every row of x, whatever its leading dimensions.</summary>
/// <remarks>Backward: dx = G·W, dW = Gᵀ·x (a sum over every row), db = the column sums of G (the bias was
/// broadcast to every row, and a broadcast's backward is a sum).</remarks>
internal sealed class Linear<T> : Function<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _bias;

    public Linear(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias) : base(bias is null ? [x, weight] : [x, weight, bias]) => _bias = bias is not null;

    public override string Name => "linear";

    protected override Tensor<T> Forward()
    {
        var (x, w) = (A.Dims, B.Dims);
        if (x.Length < 1 || w.Length != 2 || x[^1] != w[1])
            throw new ArgumentException($"Expected an input [..., {(w.Length == 2 ? w[1] : "in")}] for weights [out, in], got {Shapes.Format(x)} and weights {Shapes.Format(w)}.");
        int outputs = w[0], inputs = w[1];
        if (_bias && (Inputs[2].Dims is not [var size] || size != outputs))
            throw new ArgumentException($"Expected a bias of shape [{outputs}], got {Shapes.Format(Inputs[2].Dims)}.");
        int rows = inputs == 0 ? 0 : A.Count / inputs;
        var output = Output([.. x[..^1], outputs], zeroed: true);
        var y = output.Data.AsSpan();
        Gemm.Multiply<T>(false, true, rows, outputs, inputs, A.Data, inputs, B.Data, inputs, y, outputs, Tensor.MaxThreads);
        if (_bias)
        {
            var b = Inputs[2].Data;
            for (int r = 0; r < rows; r++) TensorPrimitives.Add(y.Slice(r * outputs, outputs), b, y.Slice(r * outputs, outputs));
        }
        return output;
    }

    public override void Backward(Tensor<T> output, ReadOnlySpan<T> gradOutput)
    {
        int outputs = B.Dims[0], inputs = B.Dims[1], rows = inputs == 0 ? 0 : A.Count / inputs;
        if (A.RequiresGrad) Gemm.Multiply<T>(false, false, rows, inputs, outputs, gradOutput, outputs, B.Data, inputs, A.GradientSpan(), inputs, Tensor.MaxThreads);
        if (B.RequiresGrad) Gemm.Multiply<T>(true, false, outputs, inputs, rows, gradOutput, outputs, A.Data, inputs, B.GradientSpan(), inputs, Tensor.MaxThreads);
        if (_bias && Inputs[2].RequiresGrad)
        {
            var db = Inputs[2].GradientSpan();
            for (int r = 0; r < rows; r++) TensorPrimitives.Add(db, gradOutput.Slice(r * outputs, outputs), db);
        }
    }
}
