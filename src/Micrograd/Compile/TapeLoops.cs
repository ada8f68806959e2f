using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Compile;

/// <summary>A tape's flat arrays: one slot per node, and each computed slot's operand slots. An op's
/// constant (Pow's exponent) sits in a slot of its own, whose gradient is never read.</summary>
internal sealed class TapeArrays(double[] data, int[] a, int[] b)
{
    public readonly double[] Data = data;
    public readonly double[] Grad = new double[data.Length];
    public readonly int[] A = a;
    public readonly int[] B = b;
}

/// <summary>Specialised by the JIT per op struct, with its rules inlined: a run of same-op nodes is a tight loop
/// with no dispatch.</summary>
/// <remarks>Slots were checked at compile, so the loops skip bounds checks (Unsafe.Add): about half the
/// instructions of a step.</remarks>
internal static class TapeLoops
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TOp>(TapeArrays t, int start, int end) where TOp : struct, IUnaryOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(t.Data);
        ref int a = ref MemoryMarshal.GetArrayDataReference(t.A);
        for (int i = start; i < end; i++)
            Unsafe.Add(ref data, i) = TOp.Forward(Unsafe.Add(ref data, Unsafe.Add(ref a, i)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<TOp>(TapeArrays t, int start, int end) where TOp : struct, IUnaryOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(t.Data);
        ref double grad = ref MemoryMarshal.GetArrayDataReference(t.Grad);
        ref int a = ref MemoryMarshal.GetArrayDataReference(t.A);
        for (int i = end - 1; i >= start; i--)
        {
            int ai = Unsafe.Add(ref a, i);
            Unsafe.Add(ref grad, ai) += TOp.Local(Unsafe.Add(ref data, ai), Unsafe.Add(ref data, i)) * Unsafe.Add(ref grad, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardBinary<TOp>(TapeArrays t, int start, int end) where TOp : struct, IBinaryOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(t.Data);
        ref int a = ref MemoryMarshal.GetArrayDataReference(t.A);
        ref int b = ref MemoryMarshal.GetArrayDataReference(t.B);
        for (int i = start; i < end; i++)
            Unsafe.Add(ref data, i) = TOp.Forward(Unsafe.Add(ref data, Unsafe.Add(ref a, i)), Unsafe.Add(ref data, Unsafe.Add(ref b, i)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardBinary<TOp>(TapeArrays t, int start, int end) where TOp : struct, IBinaryOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(t.Data);
        ref double grad = ref MemoryMarshal.GetArrayDataReference(t.Grad);
        ref int a = ref MemoryMarshal.GetArrayDataReference(t.A);
        ref int b = ref MemoryMarshal.GetArrayDataReference(t.B);
        for (int i = end - 1; i >= start; i--)
        {
            int ai = Unsafe.Add(ref a, i), bi = Unsafe.Add(ref b, i);
            double g = Unsafe.Add(ref grad, i);
            var (da, db) = TOp.Local(Unsafe.Add(ref data, ai), Unsafe.Add(ref data, bi), Unsafe.Add(ref data, i));
            Unsafe.Add(ref grad, ai) += da * g;
            Unsafe.Add(ref grad, bi) += db * g;
        }
    }
}
