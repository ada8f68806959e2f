using Micrograd.Optim;
using Micrograd.Tensors;

namespace Micrograd.Tests.Optim;

/// <summary>AdamW.Moments reads the m and v the update used: checked against AdamW's recurrences computed here from
/// the gradients, element by element, and against the update they give.</summary>
public class AdamWMomentsTests
{
    private const double Lr = 0.1, Beta1 = 0.8, Beta2 = 0.95, Eps = 1e-8, Decay = 0.01;

    [Fact]
    public void Tensor_moments_follow_the_recurrences_element_by_element_and_give_the_update()
    {
        var a = Tensor<double>.FromArray([1.0, -2.0, 0.5], [3], requiresGrad: true);
        var b = Tensor<double>.FromArray([3.0, 0.25, -1.0, 2.0], [2, 2], requiresGrad: true);
        var adam = new AdamW([a, b], Lr, Beta1, Beta2, Eps, Decay);
        Assert.Equal((0.0, 0.0), adam.Moments(1, 3)); // before any update
        var m = new double[2][] { new double[3], new double[4] };
        var v = new double[2][] { new double[3], new double[4] };
        for (int t = 1; t <= 4; t++)
        {
            var before = new[] { a.ToArray(), b.ToArray() };
            var loss = (a * a * a).Sum() + (b * b).Sum() * a.Sum(); // gradients differ by element and by step
            adam.ZeroGrad();
            loss.Backward();
            var grads = new[] { a.Grad!.ToArray(), b.Grad!.ToArray() };
            adam.Step();
            var after = new[] { a.ToArray(), b.ToArray() };
            for (int p = 0; p < 2; p++)
                for (int e = 0; e < grads[p].Length; e++)
                {
                    double g = grads[p][e];
                    m[p][e] = Beta1 * m[p][e] + (1 - Beta1) * g;
                    v[p][e] = Beta2 * v[p][e] + (1 - Beta2) * g * g;
                    var (mm, vv) = adam.Moments(p, e);
                    Assert.Equal(m[p][e], mm, 1e-12);
                    Assert.Equal(v[p][e], vv, 1e-12);
                    double denom = Math.Sqrt(vv) / Math.Sqrt(1 - Math.Pow(Beta2, t)) + Eps;
                    double expected = before[p][e] * (1 - Lr * Decay) - Lr / (1 - Math.Pow(Beta1, t)) * mm / denom;
                    Assert.Equal(expected, after[p][e], 1e-12);
                }
        }
    }

    [Fact]
    public void Float_tensors_and_values_have_their_moments_too()
    {
        var f = Tensor<float>.FromArray([2f, -1f], [2], requiresGrad: true);
        var adamF = new AdamW([f], Lr, Beta1, Beta2, Eps, Decay);
        (f * f).Sum().Backward();
        adamF.Step();
        Assert.Equal((1 - Beta1) * -2.0, adamF.Moments(0, 1).M, 1e-6); // g = 2·(-1)
        Assert.Equal((1 - Beta2) * 16.0, adamF.Moments(0, 0).V, 1e-5); // g = 2·2

        var x = new Value(3.0);
        var y = new Value(-0.5);
        var adam = new AdamW([x, y], Lr, Beta1, Beta2, Eps, Decay);
        (x * y).Backward(); // x.grad = -0.5, y.grad = 3
        adam.Step();
        Assert.Equal(((1 - Beta1) * 3.0, (1 - Beta2) * 9.0), (adam.Moments(1).M, adam.Moments(1).V));
        Assert.Equal((1 - Beta1) * -0.5, adam.Moments(0).M, 1e-15);
    }

    [Fact]
    public void A_parameter_or_element_it_lacks_is_refused_in_words()
    {
        var t = Tensor<double>.FromArray([1.0, 2.0], [2], requiresGrad: true);
        var adam = new AdamW([t]);
        Assert.Contains("from 0 to 0, got 1", Assert.Throws<ArgumentOutOfRangeException>(() => adam.Moments(1)).Message);
        Assert.Contains("from 0 to 1 of parameter 0, got 2", Assert.Throws<ArgumentOutOfRangeException>(() => adam.Moments(0, 2)).Message);
        var values = new AdamW([new Value(1.0)]);
        Assert.Contains("element 0 of a Value parameter, got 1", Assert.Throws<ArgumentOutOfRangeException>(() => values.Moments(0, 1)).Message);
    }
}
