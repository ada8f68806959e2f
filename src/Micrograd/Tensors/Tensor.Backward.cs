using System.Numerics;

namespace Micrograd.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Adds d(this)/d(leaf) to the <see cref="Grad"/> of every leaf that requires a gradient, in reverse
    /// topological order, as <see cref="Value.Backward()"/> does. Threads may run backward passes at once through
    /// graphs that share parameters: adding into a leaf's gradient is locked, as in PyTorch.</summary>
    /// <exception cref="InvalidOperationException">When this tensor has more than one element, or does not
    /// require a gradient.</exception>
    /// <exception cref="ObjectDisposedException">When <see cref="ReleaseGraph"/> released the graph.</exception>
    public void Backward() => Backward(detectAnomaly: false);

    /// <param name="detectAnomaly">When true, throws <see cref="TensorAnomalyException"/> at the first tensor
    /// whose values (in forward order) or gradient (in backward order) hold NaN or an infinity.</param>
    public void Backward(bool detectAnomaly)
    {
        if (IsReleased) throw Released();
        if (Count != 1)
            throw new InvalidOperationException($"Expected Backward on a tensor of one element (such as a loss), got shape {Shapes.Format(Dims)}.");
        if (!RequiresGrad)
            throw new InvalidOperationException("Expected Backward on a tensor computed from tensors that require a gradient; this one takes part in none.");

        using var order = TopologicalSort.Of(new TensorNode<T>(this));
        var nodes = order.Nodes;
        try
        {
            if (detectAnomaly) TensorAnomaly.CheckValues(nodes);
            if (Creator is null) AddToLeaf(this, T.One);
            else GradientSpan()[0] += T.One;
            for (int i = nodes.Length - 1; i >= 0; i--)
            {
                var node = nodes[i].Tensor;
                var creator = node.Creator!;
                LeafLocks.Run(creator, node);
                if (detectAnomaly) TensorAnomaly.CheckGradients(creator);
                node.ReleaseGradient();
            }
        }
        finally
        {
            foreach (var node in nodes) node.Tensor.ReturnGradient(); // after an exception, the buffers left
        }
    }

    private static void AddToLeaf(Tensor<T> leaf, T value)
    {
        using (leaf.GradLock.Lock.EnterScope()) leaf.GradientSpan()[0] += value;
    }

    /// <summary>Where a backward pass adds this tensor's gradient: a leaf's <see cref="Grad"/> (the caller holds
    /// <see cref="GradLock"/>), or a zeroed buffer that lives until this computed tensor has passed its gradient
    /// on; empty if it takes no part.</summary>
    internal Span<T> GradientSpan()
    {
        if (!RequiresGrad) return default;
        if (Creator is null)
        {
            Grad ??= new Tensor<T>(new T[Count], Dims, false);
            return Grad.Data;
        }
        if (GradBuffer is null)
        {
            GradBuffer = System.Buffers.ArrayPool<T>.Shared.Rent(Count);
            Array.Clear(GradBuffer, 0, Count);
        }
        return GradBuffer.AsSpan(0, Count);
    }

    internal T[]? GradBuffer;

    /// <summary>Taken while a backward step adds into this leaf's gradient.</summary>
    internal LeafLock GradLock => _gradLock ?? Interlocked.CompareExchange(ref _gradLock, new LeafLock(), null) ?? _gradLock;

    private LeafLock? _gradLock;

    /// <summary>Hands the arrays of this tensor and of every computed tensor on the way to it (not leaves) back
    /// to a pool for the next step; those tensors can no longer be used, nor can views of them (they throw
    /// <see cref="ObjectDisposedException"/>). Optional (else the garbage collector reclaims them); a training
    /// loop calls it last, once it has read the loss and called <see cref="Backward()"/>.</summary>
    public void ReleaseGraph()
    {
        using var order = TopologicalSort.Of(new TensorNode<T>(this));
        if (order.Nodes.IsEmpty && _pooled) Release(); // an op's output computed without a graph
        foreach (var t in order.Nodes) t.Tensor.Release();
    }

    private void Release()
    {
        if (_pooled && _data is not null) TensorPool<T>.Return(_data);
        _data = null;
        Creator = null;
    }

    /// <summary>Called once this computed tensor has passed its gradient on.</summary>
    internal void ReleaseGradient()
    {
        if (GradBuffer is null) return;
        if (_retainGrad)
        {
            Grad ??= new Tensor<T>(new T[Count], Dims, false);
            System.Numerics.Tensors.TensorPrimitives.Add(Grad.Data, GradBuffer.AsSpan(0, Count), Grad.Data);
        }
        ReturnGradient();
    }

    internal void ReturnGradient()
    {
        if (GradBuffer is null) return;
        System.Buffers.ArrayPool<T>.Shared.Return(GradBuffer);
        GradBuffer = null;
    }
}

/// <summary>A tensor graph as the topological sort sees it: a leaf has no creator; a computed tensor's inputs
/// are its creator's.</summary>
internal readonly struct TensorNode<T>(Tensor<T> tensor) : IGraphNode<TensorNode<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    public Tensor<T> Tensor => tensor;
    public bool IsLeaf => tensor.Creator is null;
    public long Mark { get => tensor.Mark; set => tensor.Mark = value; }
    public int InputCount => tensor.Creator!.Inputs.Length;
    public TensorNode<T> Input(int index) => new(tensor.Creator!.Inputs[index]);
}
