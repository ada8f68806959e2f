using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Micrograd.Tensors.Kernels;

/// <summary>One vector width as a type, so a kernel is written once and the JIT compiles and inlines a copy per
/// width (512, 256, 128 bits, or one plain number): no cost over writing the intrinsics.</summary>
internal interface ISimd<T, TVector>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
{
    static abstract int Count { get; }

    /// <summary>Rows of the GEMM micro-kernel's tile (MR) for this width: as many as the vector registers allow
    /// with two vectors of accumulators per row, two for B and one for the broadcast; at most 12.</summary>
    static abstract int Rows { get; }

    static abstract TVector Load(ref readonly T source);
    static abstract void Store(TVector value, ref T destination);
    static abstract TVector Broadcast(T value);

    /// <summary>Fused where the hardware has FMA.</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);
    static abstract TVector Add(TVector left, TVector right);

    static abstract T Sum(TVector value);
}

/// <summary>AVX-512: 32 registers of 512 bits.</summary>
internal readonly struct Simd512<T> : ISimd<T, Vector512<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;
    public static int Rows => 12;
    public static Vector512<T> Load(ref readonly T source) => Vector512.LoadUnsafe(in source);
    public static void Store(Vector512<T> value, ref T destination) => value.StoreUnsafe(ref destination);
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);
    public static Vector512<T> Add(Vector512<T> left, Vector512<T> right) => left + right;
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> left, Vector512<T> right, Vector512<T> addend)
    {
        if (typeof(T) == typeof(float))
            return Vector512.MultiplyAddEstimate(left.AsSingle(), right.AsSingle(), addend.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.MultiplyAddEstimate(left.AsDouble(), right.AsDouble(), addend.AsDouble()).As<double, T>();
        return left * right + addend;
    }
}

/// <summary>AVX2: 16 registers of 256 bits.</summary>
internal readonly struct Simd256<T> : ISimd<T, Vector256<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;
    public static int Rows => 6;
    public static Vector256<T> Load(ref readonly T source) => Vector256.LoadUnsafe(in source);
    public static void Store(Vector256<T> value, ref T destination) => value.StoreUnsafe(ref destination);
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);
    public static Vector256<T> Add(Vector256<T> left, Vector256<T> right) => left + right;
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> left, Vector256<T> right, Vector256<T> addend)
    {
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(left.AsSingle(), right.AsSingle(), addend.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.MultiplyAddEstimate(left.AsDouble(), right.AsDouble(), addend.AsDouble()).As<double, T>();
        return left * right + addend;
    }
}

/// <summary>SSE or Arm NEON: 128 bits (NEON has 32 registers, SSE 16; 8 rows suit both well enough).</summary>
internal readonly struct Simd128<T> : ISimd<T, Vector128<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;
    public static int Rows => 8;
    public static Vector128<T> Load(ref readonly T source) => Vector128.LoadUnsafe(in source);
    public static void Store(Vector128<T> value, ref T destination) => value.StoreUnsafe(ref destination);
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);
    public static Vector128<T> Add(Vector128<T> left, Vector128<T> right) => left + right;
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> left, Vector128<T> right, Vector128<T> addend)
    {
        // WebAssembly's interpreter runs MultiplyAddEstimate as a call, not an instruction: 5 to 10 times slower
        // in the playground's products than the separate multiply and add.
        if (OperatingSystem.IsBrowser()) return left * right + addend;
        if (typeof(T) == typeof(float))
            return Vector128.MultiplyAddEstimate(left.AsSingle(), right.AsSingle(), addend.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector128.MultiplyAddEstimate(left.AsDouble(), right.AsDouble(), addend.AsDouble()).As<double, T>();
        return left * right + addend;
    }
}

/// <summary>No SIMD: a "vector" of one number, so the same kernels run, correct if slow.</summary>
internal readonly struct Scalar<T> : ISimd<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;
    public static int Rows => 4;
    public static T Load(ref readonly T source) => source;
    public static void Store(T value, ref T destination) => destination = value;
    public static T Broadcast(T value) => value;
    public static T Add(T left, T right) => left + right;
    public static T Sum(T value) => value;
    public static T MultiplyAdd(T left, T right, T addend) => T.MultiplyAddEstimate(left, right, addend);
}
