using System.Reflection;

namespace Micrograd.Tests.Engine;

/// <summary>The public view of the graph a learner steps through, and the sort's visit counter.</summary>
public class TopologicalOrderTests
{
    [Fact]
    public void Topological_order_lists_every_node_once_after_its_children()
    {
        var x = new Value(2, "x");
        var y = x * x + x.Tanh(); // x is read three times
        var order = y.TopologicalOrder();

        Assert.Equal(4, order.Count); // x, x*x, tanh x, the sum
        Assert.Same(x, order[0]);
        Assert.Same(y, order[^1]);
        for (int i = 0; i < order.Count; i++)
            foreach (var child in order[i].Children)
                Assert.True(IndexOf(order, child) < i, $"{child.Op} comes after {order[i].Op}");
    }

    [Fact]
    public void Local_derivatives_are_the_ones_backward_multiplies_by()
    {
        var a = new Value(0.5, "a");
        var b = new Value(-3, "b");
        Assert.Equal([-3.0, 0.5], (a * b).LocalDerivatives());
        Assert.Equal([1 / -3.0, -(0.5 / -3.0) / -3.0], (a / b).LocalDerivatives());
        var t = a.Tanh();
        Assert.Equal([1 - Math.Tanh(0.5) * Math.Tanh(0.5)], t.LocalDerivatives());
        Assert.Equal([3 * 0.5 * 0.5], a.Pow(3).LocalDerivatives()); // the exponent is not a child
        Assert.Empty(a.LocalDerivatives());
    }

    [Fact]
    public void Gradients_stay_right_after_the_visit_counter_has_moved_2_to_the_32()
    {
        // With a 32-bit counter, the sort 2^32 numbers later reused the numbers in the nodes' marks, took the
        // nodes for already visited, and Backward silently gave zero gradients.
        var counter = typeof(Value).Assembly.GetType("Micrograd.TopologicalSort")!
            .GetField("s_generation", BindingFlags.NonPublic | BindingFlags.Static)!;
        var x = new Value(3);
        var y = x * x * x;
        y.Backward();
        long last = (long)counter.GetValue(null)!;
        counter.SetValue(null, last + (1L << 32) - 2); // only ever forwards: safe for sorts on other threads
        x.Grad = 0;
        y.Backward();
        Assert.Equal(27.0, x.Grad);
    }

    private static int IndexOf(IReadOnlyList<Value> order, Value v)
    {
        for (int i = 0; i < order.Count; i++) if (ReferenceEquals(order[i], v)) return i;
        return -1;
    }
}
