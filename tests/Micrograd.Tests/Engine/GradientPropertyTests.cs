using CsCheck;
using Micrograd.Compile;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Property-based tests (CsCheck, fixed seeds): random graphs built from random op sequences over a few
/// leaves, reusing subexpressions, kept where every op is smooth. Backward agrees with central differences,
/// the compiled tape agrees with Backward, and a second pass doubles the leaves' gradients. No fixture.
/// </summary>
public class GradientPropertyTests
{
    /// <summary>One op of a random program: which op, which earlier nodes (as fractions of the node count, so
    /// that any earlier node can be picked), a constant and an exponent choice.</summary>
    public sealed record Step(int Op, double PickA, double PickB, double Constant, int Exponent)
    {
        public override string ToString() => $"({Op}, {PickA:F3}, {PickB:F3}, {Constant:F3}, {Exponent})";
    }

    /// <summary>A random program: the leaves' values and the ops.</summary>
    public sealed record Program(double[] Inputs, Step[] Steps)
    {
        public override string ToString() => $"inputs [{string.Join(", ", Inputs.Select(x => x.ToString("R")))}] steps {string.Join(" ", Steps.Select(s => s.ToString()))}";
    }

    private static readonly double[] Fractional = [0.5, 1.5, -0.5, 2.7, -1.3, 0.25];

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 14], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[-2, 2], Gen.Int[0, 5],
            (op, a, b, c, e) => new Step(op, Math.Min(a, 0.999999), Math.Min(b, 0.999999), c, e));

    private static readonly Gen<Program> ProgramGen =
        Gen.Select(Gen.Double[-1.5, 1.5].Array[1, 4], StepGen.Array[1, 30], (x, s) => new Program(x, s));

    /// <summary>The graph of <paramref name="program"/> over <paramref name="leaves"/>: every node, the inputs
    /// of its relus (to keep away from the kink), and the output, the sum of all nodes (so all of them count).</summary>
    internal static (Value Output, List<Value> Nodes, List<Value> ReluInputs) Build(Program program, IReadOnlyList<Value> leaves)
    {
        var nodes = new List<Value>(leaves);
        var reluInputs = new List<Value>();
        foreach (var s in program.Steps)
        {
            var a = nodes[(int)(s.PickA * nodes.Count)];
            var b = nodes[(int)(s.PickB * nodes.Count)];
            var c = s.Constant;
            Value v = s.Op switch
            {
                0 => a + b,
                1 => a - b,
                2 => a * b,
                3 => a / (b.Pow(2) + 0.5),           // a denominator kept away from 0
                4 => -a,
                5 => a.Exp(),
                6 => (a * a + 0.1).Log(),             // log of something positive
                7 => a.Tanh(),
                8 => Relu(a, reluInputs),
                9 => a.Sigmoid(),
                10 => a.Pow(s.Exponent % 2 == 0 ? 2 : 3),
                11 => (a.Pow(2) + 0.2).Pow(Fractional[s.Exponent]), // fractional powers of positive numbers
                12 => s.Exponent % 3 == 0 ? c - a : s.Exponent % 3 == 1 ? c * a : c / (a * a + 1), // constant on the left
                13 => s.Exponent % 2 == 0 ? a + c : a * c, // constant on the right
                _ => a.Pow(0) * b,                     // exponent 0: derivative 0
            };
            nodes.Add(v);
        }
        return (Value.Sum(nodes), nodes, reluInputs);

        static Value Relu(Value a, List<Value> inputs)
        {
            inputs.Add(a);
            return a.Relu();
        }
    }

    /// <summary>True where the function is smooth and moderate around the program's inputs.</summary>
    private static bool Smooth(Program p)
    {
        var (output, nodes, reluInputs) = Build(p, p.Inputs.Select(x => new Value(x)).ToArray());
        return nodes.All(v => double.IsFinite(v.Data) && Math.Abs(v.Data) < 1e3)
               && reluInputs.All(v => Math.Abs(v.Data) > 1e-3)
               && double.IsFinite(output.Data);
    }

    private static string Seed(ulong n) => new PCG(1, n).ToString();

    // A batch of programs drawn once from a fixed seed, so every run checks the same cases.
    private static void SampleBatch(ulong seed, int count, Action<Program[]> assert) =>
        ProgramGen.Array[count].Sample(assert, seed: Seed(seed), iter: 1, threads: 1,
            print: ps => string.Join("\n", ps.Select(p => p.ToString())));

    [Fact]
    public void Backward_agrees_with_central_differences()
    {
        SampleBatch(1, 400, programs =>
        {
            int accepted = 0;
            foreach (var p in programs)
            {
                if (!Smooth(p)) continue;
                accepted++;
                var check = Gradients.Check(leaves => Build(p, leaves).Output, p.Inputs, h: 1e-6);
                Assert.True(check.WorstRelativeError < 1e-5, $"{check} for {p}");
            }
            Assert.True(accepted > 250, $"only {accepted} of {programs.Length} programs were smooth enough to check");
        });
    }

    [Fact]
    public void Compiled_tape_agrees_with_backward()
    {
        SampleBatch(2, 300, programs =>
        {
            foreach (var p in programs)
            {
                if (!Smooth(p)) continue;
                var leaves = p.Inputs.Select(x => new Value(x)).ToArray();
                var output = Build(p, leaves).Output;
                output.Backward();
                var expected = leaves.Select(v => v.Grad).ToArray();
                foreach (var v in leaves) v.Grad = 0;

                var tape = Tape.Compile(output, [], leaves);
                tape.Forward();
                tape.Backward();
                Tolerance.AssertClose(output.Data, tape.Output, $"tape output for {p}", 1e-12, 1e-12);
                for (int i = 0; i < leaves.Length; i++)
                    Tolerance.AssertClose(expected[i], leaves[i].Grad, $"tape gradient {i} for {p}", 1e-12, 1e-12);
            }
        });
    }

    [Fact]
    public void Second_backward_pass_doubles_the_leaf_gradients()
    {
        SampleBatch(3, 300, programs =>
        {
            foreach (var p in programs)
            {
                if (!Smooth(p)) continue;
                var leaves = p.Inputs.Select(x => new Value(x)).ToArray();
                var output = Build(p, leaves).Output;
                output.Backward();
                var once = leaves.Select(v => v.Grad).ToArray();
                output.Backward();
                for (int i = 0; i < leaves.Length; i++)
                    Tolerance.AssertClose(2 * once[i], leaves[i].Grad, $"gradient {i} after two passes for {p}", 1e-12, 1e-12);
            }
        });
    }
}
