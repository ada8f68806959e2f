using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Tests.Tensors;

/// <summary>Backward against central differences, in float64, for every op and every broadcasting pattern.</summary>
public class TensorGradientCheckTests
{
    public static TheoryData<string> Cases => [.. Programs.Keys];

    // Each case: the shapes of its inputs and what it computes from them (a tensor of any shape).
    private static readonly Dictionary<string, (int[][] Shapes, Func<Tensor<double>[], Tensor<double>> F)> Programs = new()
    {
        ["neg"] = ([[2, 3]], x => -x[0]),
        ["exp"] = ([[2, 3]], x => x[0].Exp()),
        ["log"] = ([[2, 3]], x => (x[0] * x[0] + 0.5).Log()),
        ["tanh"] = ([[2, 3]], x => x[0].Tanh()),
        ["relu"] = ([[2, 3]], x => x[0].Relu()),
        ["sigmoid"] = ([[2, 3]], x => x[0].Sigmoid()),
        ["pow 3"] = ([[2, 3]], x => x[0].Pow(3)),
        ["pow 0.5"] = ([[2, 3]], x => (x[0] * x[0] + 0.5).Pow(0.5)),
        ["add same shape"] = ([[2, 3], [2, 3]], x => x[0] + x[1]),
        ["sub row broadcast"] = ([[4, 3], [3]], x => x[0] - x[1]),
        ["sub row broadcast on the left"] = ([[3], [4, 3]], x => x[0] - x[1]),
        ["mul column broadcast"] = ([[4, 3], [4, 1]], x => x[0] * x[1]),
        ["mul both broadcast"] = ([[1, 3], [4, 1]], x => x[0] * x[1]),
        ["div rank 3 and 2"] = ([[2, 1, 4], [3, 1]], x => x[0] / (x[1] * x[1] + 1)),
        ["div by scalar tensor"] = ([[2, 3], []], x => x[0] / (x[1] * x[1] + 1)),
        ["scalar constants on both sides"] = ([[2, 3]], x => 2.0 - x[0] * 3.0 + 1.0 / (x[0] * x[0] + 1)),
        ["matmul"] = ([[3, 4], [4, 2]], x => x[0].MatMul(x[1])),
        ["matmul of a transpose"] = ([[4, 3], [4, 2]], x => x[0].Transpose().MatMul(x[1])),
        ["reshape"] = ([[2, 6]], x => x[0].Reshape(3, -1) * x[0].Reshape(3, 4)),
        ["sum"] = ([[2, 3]], x => x[0].Sum()),
        ["sum axis 0"] = ([[2, 3]], x => x[0].Sum(0)),
        ["sum axis -1 keepdims"] = ([[2, 3, 2]], x => x[0].Sum(-1, keepDims: true)),
        ["mean axis 1"] = ([[2, 3, 2]], x => x[0].Mean(1)),
        ["mean"] = ([[2, 3]], x => x[0].Mean()),
        ["max axis 0"] = ([[3, 4]], x => x[0].Max(0)),
        ["max axis 1 keepdims"] = ([[3, 4]], x => x[0].Max(1, keepDims: true)),
        ["log_softmax axis 1"] = ([[3, 4]], x => x[0].LogSoftmax(1)),
        ["log_softmax axis 0"] = ([[3, 4]], x => x[0].LogSoftmax(0)),
        ["cross_entropy"] = ([[4, 3]], x => x[0].CrossEntropy([2, 0, 1, 2])),
        ["mse"] = ([[4, 1], [4, 1]], x => TensorLosses.MeanSquaredError(x[0], x[1])),
        ["hinge"] = ([[4, 1]], x => TensorLosses.Hinge(x[0], Tensor<double>.FromArray([1, -1, -1, 1], [4]))),
        ["l2"] = ([[2, 3], [3]], x => TensorLosses.L2(x, 0.1)),
        ["sqrt"] = ([[2, 3]], x => (x[0] * x[0] + 0.5).Sqrt()),
        ["batched matmul"] = ([[2, 3, 4], [2, 4, 2]], x => x[0].MatMul(x[1])),
        ["batched matmul, right matrix shared"] = ([[2, 3, 4], [4, 2]], x => x[0].MatMul(x[1])),
        ["batched matmul, both broadcast"] = ([[2, 1, 3, 2], [3, 2, 4]], x => x[0].MatMul(x[1])),
        ["transpose of rank 3"] = ([[2, 3, 4]], x => x[0].Transpose(0, -1) * x[0].Transpose(0, 2)),
        ["permute"] = ([[2, 3, 4]], x => x[0].Permute(1, -1, 0).Tanh()),
        ["softmax axis -1"] = ([[3, 4]], x => x[0].Softmax(-1) * x[0]),
        ["softmax axis 0"] = ([[3, 4]], x => x[0].Softmax(0) * x[0]),
        ["take with a repeated row"] = ([[4, 3]], x => x[0].Take([1, 3, 1, 0], [2, 2]).Tanh()),
        ["masked fill"] = ([[3, 4]], x => x[0].MaskedFill([true, false, false, true], [4], -2.0) * x[0]),
        ["causal mask and softmax"] = ([[2, 3, 3]], x => x[0].MaskedFill([false, true, true, false, false, true, false, false, false], [3, 3], double.NegativeInfinity).Softmax(-1)),
        ["slice"] = ([[3, 5]], x => x[0].Slice(-1, 1, 3).Tanh()),
        ["concat with a tensor twice"] = ([[2, 3], [2, 1]], x => Tensor<double>.Concat([x[0], x[1], x[0]], 1).Tanh()),
        ["cross_entropy ignoring a row"] = ([[4, 3]], x => x[0].CrossEntropy([2, -1, 1, 2], ignoreIndex: -1)),
        ["gelu"] = ([[2, 3]], x => (x[0] * 2.0).Gelu()),
        ["gelu tanh"] = ([[2, 3]], x => (x[0] * 2.0).Gelu(tanhApproximation: true)),
        ["linear"] = ([[2, 3, 4], [5, 4], [5]], x => x[0].Linear(x[1], x[2])),
        ["linear without bias"] = ([[3, 4], [5, 4]], x => x[0].Linear(x[1])),
        ["layer norm"] = ([[2, 3, 5], [5], [5]], x => x[0].LayerNorm(x[1], x[2]) * x[0]),
        ["layer norm without affine"] = ([[4, 5]], x => x[0].LayerNorm(null, null, 1e-3) * x[0]),
        ["var"] = ([[3, 4]], x => x[0].Var(1, keepDims: true) * x[0]),
        ["flatten"] = ([[2, 3, 2]], x => x[0].Flatten(1).Tanh()),
        ["reused subexpression"] = ([[3, 3]], x => Reused(x[0].Tanh())),
    };

    // y used three times: its gradient is the sum over every use.
    private static Tensor<double> Reused(Tensor<double> y) => y.MatMul(y) + y * y.Sum(0);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_matches_central_differences(string name)
    {
        var (shapes, f) = Programs[name];
        var rng = new Rng(7);
        var points = shapes.Select(s => Enumerable.Range(0, s.Aggregate(1, (a, b) => a * b)).Select(_ => rng.Uniform(-1.5, 1.5)).ToArray()).ToArray();

        double Output(double[][] values, out Tensor<double>[] inputs, bool backward)
        {
            inputs = [.. values.Select((v, i) => Tensor<double>.FromArray(v, shapes[i], requiresGrad: true))];
            var y = f(inputs);
            // A fixed weighting, so that the output's gradient is not all ones.
            var w = Tensor<double>.FromArray([.. Enumerable.Range(0, y.Count).Select(k => 0.5 + (k * 0.37) % 1)], [.. y.Shape]);
            var loss = (y * w).Sum();
            if (backward) loss.Backward();
            return loss.Item();
        }

        Output(points, out var leaves, backward: true);
        const double h = 1e-6;
        for (int i = 0; i < points.Length; i++)
        {
            var analytic = leaves[i].Grad!.ToArray();
            for (int k = 0; k < points[i].Length; k++)
            {
                var plus = points.Select(p => (double[])p.Clone()).ToArray();
                var minus = points.Select(p => (double[])p.Clone()).ToArray();
                plus[i][k] += h;
                minus[i][k] -= h;
                double numerical = (Output(plus, out _, false) - Output(minus, out _, false)) / (2 * h);
                Assert.True(GradientCheck.RelativeError(analytic[k], numerical) < 1e-6,
                    $"{name}: input {i} element {k}: backward {analytic[k]}, central difference {numerical}");
            }
        }
    }
}
