using System.Numerics;

namespace Micrograd.Tensors;

// Each operation makes one graph node through its Function (Functions/); elementwise ops are Value's, from Ops.cs.
public sealed partial class Tensor<T>
{
    /// <summary>Elementwise sum, with NumPy broadcasting (as for every binary operator).</summary>
    /// <exception cref="ArgumentException">When the shapes do not broadcast, naming both.</exception>
    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Binary<Ops.Add>(a, b);
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Binary<Ops.Sub>(a, b);
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b) => Binary<Ops.Mul>(a, b);
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b) => Binary<Ops.Div>(a, b);
    public static Tensor<T> operator +(Tensor<T> a, T b) => Binary<Ops.Add>(a, Constant(b));
    public static Tensor<T> operator -(Tensor<T> a, T b) => Binary<Ops.Sub>(a, Constant(b));
    public static Tensor<T> operator *(Tensor<T> a, T b) => Binary<Ops.Mul>(a, Constant(b));
    public static Tensor<T> operator /(Tensor<T> a, T b) => Binary<Ops.Div>(a, Constant(b));
    public static Tensor<T> operator +(T a, Tensor<T> b) => Binary<Ops.Add>(Constant(a), b);
    public static Tensor<T> operator -(T a, Tensor<T> b) => Binary<Ops.Sub>(Constant(a), b);
    public static Tensor<T> operator *(T a, Tensor<T> b) => Binary<Ops.Mul>(Constant(a), b);
    public static Tensor<T> operator /(T a, Tensor<T> b) => Binary<Ops.Div>(Constant(a), b);
    public static Tensor<T> operator -(Tensor<T> a) => Unary<Ops.Neg>(a);

    public Tensor<T> Pow(T exponent) => Binary<Ops.Pow>(this, Constant(exponent));

    public Tensor<T> Exp() => Unary<Ops.Exp>(this);

    /// <summary>The natural logarithm: -Infinity at 0 and NaN below, as in PyTorch.</summary>
    public Tensor<T> Log() => Unary<Ops.Log>(this);

    public Tensor<T> Tanh() => Unary<Ops.Tanh>(this);

    /// <summary>max(0, x) element by element, with derivative 0 at x = 0.</summary>
    public Tensor<T> Relu() => Unary<Ops.Relu>(this);

    public Tensor<T> Sigmoid() => Unary<Ops.Sigmoid>(this);

    /// <summary>The matrix product of this [m, k] matrix and <paramref name="other"/> [k, n].</summary>
    /// <exception cref="ArgumentException">When the shapes are not [m, k] and [k, n].</exception>
    public Tensor<T> MatMul(Tensor<T> other) => Functions.MatMul<T>.Apply(this, Checked(other));

    /// <summary>A copy.</summary>
    /// <exception cref="ArgumentException">When this tensor is not 2-D.</exception>
    public Tensor<T> Transpose() => Functions.Transpose<T>.Apply(this);

    /// <summary>The same elements in a new shape, sharing this tensor's storage; one dimension may be -1.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold <see cref="Tensor.Count"/> elements.</exception>
    public Tensor<T> Reshape(params int[] shape) => Functions.Reshape<T>.Apply(this, shape);

    /// <summary>As a tensor of shape [].</summary>
    public Tensor<T> Sum() => Functions.Sum<T>.Apply(this, axis: null, keepDims: false);

    /// <summary>A negative <paramref name="axis"/> counts from the end; it is removed from the shape unless
    /// <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an axis the tensor does not have.</exception>
    public Tensor<T> Sum(int axis, bool keepDims = false) => Functions.Sum<T>.Apply(this, axis, keepDims);

    /// <summary>The mean of every element: the sum times 1/n, as micrograd computes it.</summary>
    public Tensor<T> Mean() => Sum() * (T.One / T.CreateChecked(Count));

    public Tensor<T> Mean(int axis, bool keepDims = false) =>
        Sum(axis, keepDims) * (T.One / T.CreateChecked(Dims[Tensors.Shape.Axis(axis, Dims.Length, Dims)]));

    /// <summary>The gradient flows to the largest element alone.</summary>
    public Tensor<T> Max(int axis, bool keepDims = false) => Functions.Max<T>.Apply(this, axis, keepDims);

    /// <summary>Computed stably.</summary>
    public Tensor<T> LogSoftmax(int axis) => Functions.LogSoftmax<T>.Apply(this, axis);

    /// <summary>The cross-entropy of these [N, C] logits against one class index per row, averaged over the
    /// rows as PyTorch's <c>cross_entropy</c> does: log-softmax, then the negative log-likelihood.</summary>
    /// <exception cref="ArgumentException">For logits that are not [N, C], a number of targets other than N,
    /// or a target outside [0, C).</exception>
    public Tensor<T> CrossEntropy(int[] targets)
    {
        if (Dims.Length != 2)
            throw new ArgumentException($"Expected logits of shape [N, C] for cross-entropy, got {Tensors.Shape.Format(Dims)}.");
        return Functions.NllLoss<T>.Apply(LogSoftmax(1), targets);
    }

    private static Tensor<T> Unary<TOp>(Tensor<T> a) where TOp : struct, IUnaryOp => Functions.Unary<TOp, T>.Apply(Checked(a));

    private static Tensor<T> Binary<TOp>(Tensor<T> a, Tensor<T> b) where TOp : struct, IBinaryOp =>
        Functions.Binary<TOp, T>.Apply(Checked(a), Checked(b));

    private static Tensor<T> Checked(Tensor<T> t, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(t))] string? name = null) =>
        t ?? throw new ArgumentNullException(name);
}
