using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Micrograd.Tensors.Kernels;

/// <summary>A transposing copy, for packing a B stored n×k (backward's G·Wᵀ), where one number at a time would
/// cost a quarter of the product. With AVX, 8×8 blocks of float (4×4 of double) go through registers; elsewhere,
/// and at the ragged edge, one number at a time.</summary>
internal static class GemmTranspose
{
    /// <summary>destination[p·destinationStride + r] = source[r·sourceStride + p] for r &lt; rows, p &lt; depth.</summary>
    public static void Copy<T>(ref readonly T source, nint sourceStride, int rows, int depth, ref T destination,
        nint destinationStride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T from = ref Unsafe.AsRef(in source);
        int done = 0;
        if (Avx.IsSupported && typeof(T) == typeof(float) && rows % 8 == 0)
        {
            done = depth / 8 * 8;
            for (int r = 0; r < rows; r += 8)
                for (int p = 0; p < done; p += 8)
                    Block8x8(ref Unsafe.As<T, float>(ref Unsafe.Add(ref from, r * sourceStride + p)), sourceStride,
                        ref Unsafe.As<T, float>(ref Unsafe.Add(ref destination, p * destinationStride + r)), destinationStride);
        }
        else if (Avx.IsSupported && typeof(T) == typeof(double) && rows % 4 == 0)
        {
            done = depth / 4 * 4;
            for (int r = 0; r < rows; r += 4)
                for (int p = 0; p < done; p += 4)
                    Block4x4(ref Unsafe.As<T, double>(ref Unsafe.Add(ref from, r * sourceStride + p)), sourceStride,
                        ref Unsafe.As<T, double>(ref Unsafe.Add(ref destination, p * destinationStride + r)), destinationStride);
        }

        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref from, r * sourceStride);
            for (int p = done; p < depth; p++) Unsafe.Add(ref destination, p * destinationStride + r) = Unsafe.Add(ref row, p);
        }
    }

    private static void Block8x8(ref float source, nint sourceStride, ref float destination, nint destinationStride)
    {
        nuint s = (nuint)sourceStride, d = (nuint)destinationStride;
        Vector256<float> r0 = Vector256.LoadUnsafe(ref source), r1 = Vector256.LoadUnsafe(ref source, s),
            r2 = Vector256.LoadUnsafe(ref source, 2 * s), r3 = Vector256.LoadUnsafe(ref source, 3 * s),
            r4 = Vector256.LoadUnsafe(ref source, 4 * s), r5 = Vector256.LoadUnsafe(ref source, 5 * s),
            r6 = Vector256.LoadUnsafe(ref source, 6 * s), r7 = Vector256.LoadUnsafe(ref source, 7 * s);
        // Pairs of rows interleaved, then fours (each 128-bit lane holds a 4×4 block), then the lanes swapped.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3),
            t3 = Avx.UnpackHigh(r2, r3), t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5),
            t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44),
            u3 = Avx.Shuffle(t1, t3, 0xEE), u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE),
            u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, d);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, 2 * d);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, 3 * d);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, 4 * d);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, 5 * d);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, 6 * d);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, 7 * d);
    }

    private static void Block4x4(ref double source, nint sourceStride, ref double destination, nint destinationStride)
    {
        nuint s = (nuint)sourceStride, d = (nuint)destinationStride;
        Vector256<double> r0 = Vector256.LoadUnsafe(ref source), r1 = Vector256.LoadUnsafe(ref source, s),
            r2 = Vector256.LoadUnsafe(ref source, 2 * s), r3 = Vector256.LoadUnsafe(ref source, 3 * s);
        Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3),
            t3 = Avx.UnpackHigh(r2, r3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref destination, d);
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref destination, 2 * d);
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref destination, 3 * d);
    }
}
