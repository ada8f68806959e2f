using Micrograd.Compile;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Engine;

/// <summary>Graphs far deeper and wider than a recursive implementation could take (no fixture: the
/// gradients have closed forms).</summary>
public class LargeGraphTests
{
    [Fact]
    public void Chain_of_a_million_nodes_backpropagates_without_stack_overflow()
    {
        const int n = 1_000_000;
        var x = new Value(0.5, "x");
        Value v = x;
        // Each link: v * 1 + 0.000001 (alternating the two ops), so dv/dx stays exactly 1 all the way.
        for (int i = 0; i < n / 2; i++) v = v * 1.0 + 1e-6;
        v.Backward();
        Assert.Equal(1.0, x.Grad);
        Assert.Equal(0.5 + n / 2 * 1e-6, v.Data, 9);

        // And a chain whose gradient is a product: v = x * 1.000001^k, dv/dx = 1.000001^k.
        var y = new Value(2.0);
        Value w = y;
        for (int i = 0; i < n; i++) w = w * 1.000001;
        w.Backward();
        Assert.Equal(Math.Pow(1.000001, n), y.Grad, 6);
    }

    [Fact]
    public void Deep_chain_of_unary_ops_with_anomaly_check_and_twice()
    {
        var x = new Value(0.1);
        Value v = x;
        double value = 0.1, expected = 1; // the chain rule by hand: the product of the local derivatives
        for (int i = 0; i < 300_000; i++) // 300,000 nodes deep, alternating ops
        {
            if (i % 2 == 0)
            {
                v = -v;
                value = -value;
                expected = -expected;
            }
            else
            {
                v = v.Tanh();
                value = Math.Tanh(value);
                expected *= 1 - value * value;
            }
        }
        v.Backward(detectAnomaly: true);
        double g = x.Grad;
        Tolerance.AssertClose(expected, g, "d(v)/d(x) through 300,000 nodes", relative: 1e-10);
        v.Backward();
        Assert.Equal(2 * g, x.Grad, 12);
    }

    [Fact]
    public void One_node_read_by_a_hundred_thousand_others_gets_the_sum_of_their_gradients()
    {
        const int n = 100_000;
        var x = new Value(1.5, "x");
        var shared = x * 2; // the node read by all of them
        var readers = new Value[n];
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            double c = (i % 7) - 3 + 0.25;
            readers[i] = shared * c;
            expected += c;
        }
        var total = Value.Sum(readers);
        total.Backward();
        Assert.Equal(expected, shared.Grad, 9);
        Assert.Equal(2 * expected, x.Grad, 9);
    }

    [Fact]
    public void Wide_graph_on_the_tape_too()
    {
        const int n = 100_000;
        var x = new Value(0.3, "x");
        var shared = x.Tanh();
        var total = Value.Sum(Enumerable.Range(0, n).Select(i => shared * (i % 2 == 0 ? 1.0 : 0.5)));
        var tape = Tape.Compile(total, [], [x]);
        tape.Forward();
        tape.Backward();
        double dtanh = 1 - Math.Tanh(0.3) * Math.Tanh(0.3);
        Assert.Equal(0.75 * n * dtanh, x.Grad, 8);
    }
}
