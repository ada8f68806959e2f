using System.Runtime.CompilerServices;

namespace Micrograd.Tensors.Kernels;

/// <summary>Walks an output shape row by row, giving each row's offset in the output and in two operands
/// broadcast to it. Dimensions are merged first so a row is the longest run the layouts allow (a bias [C] added
/// to [N, C] makes N rows of C); within a row an operand's stride is 1, or 0 where it is broadcast.</summary>
/// <remarks>Broadcasting's indexing lives here alone, so the elementwise kernels and
/// <see cref="Reduce.SumTo{T}"/> are plain loops over rows.</remarks>
internal struct BroadcastRows
{
    [InlineArray(Shapes.MaxRank)]
    private struct Dims { private int _first; }

    private Dims _size, _strideA, _strideB, _index;
    private readonly int _outer; // merged dimensions before the row
    private int _rowsLeft, _offsetA, _offsetB, _offsetOut;
    private bool _started;

    public BroadcastRows(int[] output, int[] a, int[] b)
    {
        int rank = output.Length;
        Span<int> sa = stackalloc int[Math.Max(rank, 1)], sb = stackalloc int[Math.Max(rank, 1)];
        Strides(output, a, sa);
        Strides(output, b, sb);

        // Merge from the innermost dimension outwards; dimensions of size 1 take no part.
        int merged = 0, rows = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            int n = output[d];
            if (n == 1) continue;
            if (merged > 0 && sa[d] == _strideA[merged - 1] * _size[merged - 1] && sb[d] == _strideB[merged - 1] * _size[merged - 1])
            {
                _size[merged - 1] *= n;
                continue;
            }
            _size[merged] = n;
            _strideA[merged] = sa[d];
            _strideB[merged] = sb[d];
            merged++;
        }
        for (int d = 0; d < rank; d++) rows *= output[d];

        if (merged == 0)
        {
            Length = rows; // 1, or 0 for an empty shape
            _outer = 0;
        }
        else
        {
            Length = _size[0];
            StrideA = _strideA[0];
            StrideB = _strideB[0];
            _outer = merged - 1;
            rows = Length == 0 ? 0 : rows / Length;
        }
        _rowsLeft = Length == 0 ? 0 : rows;
    }

    public int Length { get; }

    /// <summary>1, or 0 where it is broadcast.</summary>
    public int StrideA { get; }

    public int StrideB { get; }

    /// <summary>False when every row was visited. The output is contiguous: its offset is row · <see cref="Length"/>.</summary>
    public bool Next(out int output, out int a, out int b)
    {
        if (_rowsLeft == 0)
        {
            output = a = b = 0;
            return false;
        }
        _rowsLeft--;
        if (_started)
        {
            _offsetOut += Length;
            // The odometer over the outer dimensions, innermost first (merged index 1 is the next outer one).
            for (int d = 1; d <= _outer; d++)
            {
                _offsetA += _strideA[d];
                _offsetB += _strideB[d];
                if (++_index[d] < _size[d]) break;
                _index[d] = 0;
                _offsetA -= _strideA[d] * _size[d];
                _offsetB -= _strideB[d] * _size[d];
            }
        }
        _started = true;
        output = _offsetOut;
        a = _offsetA;
        b = _offsetB;
        return true;
    }

    // Each operand's strides over the output's dimensions: 0 where it is broadcast (or missing on the left).
    private static void Strides(int[] output, int[] operand, Span<int> strides)
    {
        int shift = output.Length - operand.Length, stride = 1;
        for (int d = output.Length - 1; d >= 0; d--)
        {
            int size = d - shift >= 0 ? operand[d - shift] : 1;
            strides[d] = size == 1 && output[d] != 1 ? 0 : stride;
            stride *= size;
        }
    }
}
