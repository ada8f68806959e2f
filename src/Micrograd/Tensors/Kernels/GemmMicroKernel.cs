using System.Numerics;
using System.Runtime.CompilerServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>One MR×NR tile of C (MR = <c>TSimd.Rows</c> ≤ 12, NR = two vectors) held in registers while k runs:
/// each step loads a row of B, broadcasts MR numbers of A and does 2·MR fused multiply-adds. Accumulators are
/// plain locals so the JIT keeps them in registers; rows past <c>TSimd.Rows</c> fold away at compile time.</summary>
internal static class GemmMicroKernel
{
    /// <summary>C[rows×cols] += A·B over <paramref name="depth"/> steps of k. A holds MR rows (all readable, even past
    /// <paramref name="rows"/>): row r, step p at a[r·aRowStride + p·aStepStride]. B holds a row of NR numbers per
    /// step, <paramref name="bStride"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<T, TVector, TSimd, TWidth>(int depth, ref readonly T a, nint aRowStride, nint aStepStride,
        ref readonly T b, nint bStride, ref T c, nint ldc, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TWidth : ITileWidth
    {
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default, c80 = default, c81 = default,
            c90 = default, c91 = default, ca0 = default, ca1 = default, cb0 = default, cb1 = default;
        int mr = TSimd.Rows, width = TSimd.Count;
        ref T pb = ref Unsafe.AsRef(in b);
        // Rows 0, 1, 2 are at a0, a0 + rs, a0 + 2rs, and so on from a3, a6, a9: four pointers and two strides in
        // general registers, whatever the layout of A (packed, row-major or transposed).
        nint rs = aRowStride, rs2 = 2 * aRowStride;
        ref T a0 = ref Unsafe.AsRef(in a);
        ref T a3 = ref Unsafe.Add(ref a0, mr > 3 ? 3 * rs : 0);
        ref T a6 = ref Unsafe.Add(ref a0, mr > 6 ? 6 * rs : 0);
        ref T a9 = ref Unsafe.Add(ref a0, mr > 9 ? 9 * rs : 0);
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TSimd.Load(in pb), b1 = TWidth.Wide ? TSimd.Load(in Unsafe.Add(ref pb, width)) : default;
            Row<T, TVector, TSimd, TWidth>(ref c00, ref c01, a0, b0, b1);
            if (mr > 1) Row<T, TVector, TSimd, TWidth>(ref c10, ref c11, Unsafe.Add(ref a0, rs), b0, b1);
            if (mr > 2) Row<T, TVector, TSimd, TWidth>(ref c20, ref c21, Unsafe.Add(ref a0, rs2), b0, b1);
            if (mr > 3) Row<T, TVector, TSimd, TWidth>(ref c30, ref c31, a3, b0, b1);
            if (mr > 4) Row<T, TVector, TSimd, TWidth>(ref c40, ref c41, Unsafe.Add(ref a3, rs), b0, b1);
            if (mr > 5) Row<T, TVector, TSimd, TWidth>(ref c50, ref c51, Unsafe.Add(ref a3, rs2), b0, b1);
            if (mr > 6) Row<T, TVector, TSimd, TWidth>(ref c60, ref c61, a6, b0, b1);
            if (mr > 7) Row<T, TVector, TSimd, TWidth>(ref c70, ref c71, Unsafe.Add(ref a6, rs), b0, b1);
            if (mr > 8) Row<T, TVector, TSimd, TWidth>(ref c80, ref c81, Unsafe.Add(ref a6, rs2), b0, b1);
            if (mr > 9) Row<T, TVector, TSimd, TWidth>(ref c90, ref c91, a9, b0, b1);
            if (mr > 10) Row<T, TVector, TSimd, TWidth>(ref ca0, ref ca1, Unsafe.Add(ref a9, rs), b0, b1);
            if (mr > 11) Row<T, TVector, TSimd, TWidth>(ref cb0, ref cb1, Unsafe.Add(ref a9, rs2), b0, b1);
            a0 = ref Unsafe.Add(ref a0, aStepStride);
            a3 = ref Unsafe.Add(ref a3, aStepStride);
            a6 = ref Unsafe.Add(ref a6, aStepStride);
            a9 = ref Unsafe.Add(ref a9, aStepStride);
            pb = ref Unsafe.Add(ref pb, bStride);
        }

        if (rows == mr && cols == (TWidth.Wide ? 2 : 1) * width)
        {
            AddRow<T, TVector, TSimd, TWidth>(ref c, c00, c01);
            if (mr > 1) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, ldc), c10, c11);
            if (mr > 2) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
            if (mr > 3) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
            if (mr > 4) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
            if (mr > 5) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
            if (mr > 6) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 6 * ldc), c60, c61);
            if (mr > 7) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 7 * ldc), c70, c71);
            if (mr > 8) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 8 * ldc), c80, c81);
            if (mr > 9) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 9 * ldc), c90, c91);
            if (mr > 10) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 10 * ldc), ca0, ca1);
            if (mr > 11) AddRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 11 * ldc), cb0, cb1);
            return;
        }

        // An edge tile: only the first rows and columns are C's.
        AddPartialRow<T, TVector, TSimd, TWidth>(ref c, c00, c01, cols);
        if (rows > 1) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, ldc), c10, c11, cols);
        if (rows > 2) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 2 * ldc), c20, c21, cols);
        if (rows > 3) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 3 * ldc), c30, c31, cols);
        if (rows > 4) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 4 * ldc), c40, c41, cols);
        if (rows > 5) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 5 * ldc), c50, c51, cols);
        if (rows > 6) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 6 * ldc), c60, c61, cols);
        if (rows > 7) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 7 * ldc), c70, c71, cols);
        if (rows > 8) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 8 * ldc), c80, c81, cols);
        if (rows > 9) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 9 * ldc), c90, c91, cols);
        if (rows > 10) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 10 * ldc), ca0, ca1, cols);
        if (rows > 11) AddPartialRow<T, TVector, TSimd, TWidth>(ref Unsafe.Add(ref c, 11 * ldc), cb0, cb1, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row<T, TVector, TSimd, TWidth>(ref TVector low, ref TVector high, T a, TVector b0, TVector b1)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TWidth : ITileWidth
    {
        TVector broadcast = TSimd.Broadcast(a);
        low = TSimd.MultiplyAdd(broadcast, b0, low);
        if (TWidth.Wide) high = TSimd.MultiplyAdd(broadcast, b1, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow<T, TVector, TSimd, TWidth>(ref T c, TVector low, TVector high)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TWidth : ITileWidth
    {
        TSimd.Store(TSimd.Add(TSimd.Load(in c), low), ref c);
        if (!TWidth.Wide) return;
        ref T upper = ref Unsafe.Add(ref c, TSimd.Count);
        TSimd.Store(TSimd.Add(TSimd.Load(in upper), high), ref upper);
    }

    /// <summary>C[0..cols) += the row (low, high), for the columns that C has (cols ≤ the tile's width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPartialRow<T, TVector, TSimd, TWidth>(ref T c, TVector low, TVector high, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<T, TVector>
        where TWidth : ITileWidth
    {
        int width = TSimd.Count;
        if (cols >= width) TSimd.Store(TSimd.Add(TSimd.Load(in c), low), ref c);
        else AddLanes(ref c, low, cols);
        if (!TWidth.Wide || cols <= width) return;
        ref T upper = ref Unsafe.Add(ref c, width);
        if (cols == 2 * width) TSimd.Store(TSimd.Add(TSimd.Load(in upper), high), ref upper);
        else AddLanes(ref upper, high, cols - width);
    }

    /// <summary>destination[0..count) += the first lanes of <paramref name="value"/>, one number at a time.</summary>
    private static void AddLanes<T, TVector>(ref T destination, TVector value, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
    {
        ref T lanes = ref Unsafe.As<TVector, T>(ref value);
        for (int i = 0; i < count; i++) Unsafe.Add(ref destination, i) += Unsafe.Add(ref lanes, i);
    }
}

/// <summary>How many vectors of columns a micro-kernel tile has: two, or one for a narrow C (n ≤ one vector).</summary>
internal interface ITileWidth
{
    static abstract bool Wide { get; }
}

internal readonly struct TwoVectors : ITileWidth
{
    public static bool Wide => true;
}

internal readonly struct OneVector : ITileWidth
{
    public static bool Wide => false;
}
