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

    public Tensor<T> Pow(T exponent) => new Functions.Pow<T>(this, exponent).Apply();

    public Tensor<T> Exp() => Unary<Ops.Exp>(this);

    /// <summary>The natural logarithm: -Infinity at 0 and NaN below, as in PyTorch.</summary>
    public Tensor<T> Log() => Unary<Ops.Log>(this);

    public Tensor<T> Tanh() => Unary<Ops.Tanh>(this);

    /// <summary>max(0, x) element by element, with derivative 0 at x = 0.</summary>
    public Tensor<T> Relu() => Unary<Ops.Relu>(this);

    public Tensor<T> Sigmoid() => Unary<Ops.Sigmoid>(this);

    /// <summary>NaN below 0, as in PyTorch.</summary>
    public Tensor<T> Sqrt() => Unary<Ops.Sqrt>(this);

    /// <summary>As a tensor of shape [].</summary>
    public Tensor<T> Sum() => new Functions.Sum<T>(this, null, keepDims: false).Apply();

    /// <summary>A negative <paramref name="axis"/> counts from the end; it is removed from the shape unless
    /// <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an axis the tensor does not have.</exception>
    public Tensor<T> Sum(int axis, bool keepDims = false) => new Functions.Sum<T>(this, axis, keepDims).Apply();

    /// <summary>The mean of every element: the sum times 1/n, as micrograd computes it.</summary>
    public Tensor<T> Mean() => Sum() * (T.One / T.CreateChecked(Count));

    public Tensor<T> Mean(int axis, bool keepDims = false) =>
        Sum(axis, keepDims) * (T.One / T.CreateChecked(Dims[Shapes.Axis(axis, Dims)]));

    /// <summary>The variance along an axis: Σ(x - mean)² / (n - <paramref name="correction"/>), as torch.var
    /// (1 by default: the unbiased estimate; 0 for the population variance, as layer norm uses).</summary>
    public Tensor<T> Var(int axis, bool keepDims = false, int correction = 1)
    {
        var centred = this - Mean(axis, keepDims: true);
        int n = Dims[Shapes.Axis(axis, Dims)];
        return (centred * centred).Sum(axis, keepDims) * (T.One / T.CreateChecked(n - correction));
    }

    /// <summary>The gradient flows to the largest element alone (the first on a tie, as in PyTorch).</summary>
    public Tensor<T> Max(int axis, bool keepDims = false) => new Functions.Max<T>(this, axis, keepDims).Apply();

    /// <summary>torch.matmul for rank 2 or more: [..., n, k] · [..., k, m] gives [..., n, m], the leading
    /// (batch) dimensions broadcast; a 2-D right operand multiplies every matrix of the batch.</summary>
    /// <exception cref="ArgumentException">When the shapes are not [..., n, k] and [..., k, m] or the batch
    /// dimensions do not broadcast.</exception>
    public Tensor<T> MatMul(Tensor<T> other) => new Functions.MatMul<T>(this, Checked(other)).Apply();

    private static Tensor<T> Unary<TOp>(Tensor<T> a) where TOp : struct, IVectorUnaryOp => new Functions.Unary<TOp, T>(Checked(a)).Apply();

    private static Tensor<T> Binary<TOp>(Tensor<T> a, Tensor<T> b) where TOp : struct, IVectorBinaryOp =>
        new Functions.Binary<TOp, T>(Checked(a), Checked(b)).Apply();

    private static Tensor<T> Checked(Tensor<T> t, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(t))] string? name = null) =>
        t ?? throw new ArgumentNullException(name);
}
