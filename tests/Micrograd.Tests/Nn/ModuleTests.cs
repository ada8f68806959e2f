using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>Neuron, Layer and MLP: micrograd's parameter order, counts and printing, initialisation ranges,
/// and argument errors that name what was expected and what came (no fixture; the PyTorch comparison is
/// <see cref="NnGoldenTests"/>, from tools/reference/nn_golden.py).</summary>
public class ModuleTests
{
    [Fact]
    public void Parameters_are_in_micrograds_order_weights_then_bias_per_neuron()
    {
        var model = new MLP(2, [3, 1], rng: new Rng(1));
        var p = model.Parameters();
        Assert.Equal(3 * 3 + 4, p.Count);
        var expectedLabels = new[]
        {
            "L1N0.w0", "L1N0.w1", "L1N0.b", "L1N1.w0", "L1N1.w1", "L1N1.b", "L1N2.w0", "L1N2.w1", "L1N2.b",
            "L2N0.w0", "L2N0.w1", "L2N0.w2", "L2N0.b",
        };
        Assert.Equal(expectedLabels, p.Select(v => v.Label));
        Assert.Same(model.Layers[0].Neurons[1].Weights[1], p[4]);
        Assert.Same(model.Layers[1].Neurons[0].Bias, p[^1]);
        // Layer and neuron lists agree with the MLP's.
        Assert.Equal(model.Layers.SelectMany(l => l.Parameters()), p);
        Assert.Equal(model.Layers[0].Neurons.SelectMany(n => n.Parameters()), model.Layers[0].Parameters());
    }

    [Theory]
    [InlineData(2, new[] { 16, 16, 1 }, 337)]
    [InlineData(3, new[] { 4, 4, 1 }, 41)]
    [InlineData(2, new[] { 8, 3 }, 51)]
    [InlineData(1, new[] { 1 }, 2)]
    public void Parameter_counts(int nin, int[] layers, int count)
    {
        var model = new MLP(nin, layers);
        Assert.Equal(count, model.Parameters().Count);
        Assert.Equal(nin, model.InputCount);
        Assert.Equal(layers[^1], model.OutputCount);
        Assert.Equal(layers.Length, model.Layers.Count);
    }

    [Fact]
    public void ToString_is_micrograds()
    {
        var model = new MLP(2, [2, 1]);
        Assert.Equal("MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(2)]]", model.ToString());
        Assert.Equal("Layer of [TanhNeuron(3), TanhNeuron(3)]", new Layer(3, 2, Activation.Tanh).ToString());
        Assert.Equal("SigmoidNeuron(4)", new Neuron(4, Activation.Sigmoid).ToString());
        Assert.Equal("MLP of [Layer of [TanhNeuron(3)], Layer of [TanhNeuron(1)]]",
            new MLP(3, [1, 1], Activation.Tanh, Activation.Tanh).ToString());
    }

    [Fact]
    public void Uniform_init_draws_weights_in_minus_one_to_one_and_zero_biases()
    {
        var model = new MLP(4, [64, 64, 1], rng: new Rng(3));
        var weights = model.Layers.SelectMany(l => l.Neurons).SelectMany(n => n.Weights).Select(w => w.Data).ToArray();
        Assert.All(weights, w => Assert.True(w >= -1 && w < 1, $"weight {w}"));
        Assert.True(weights.Min() < -0.95 && weights.Max() > 0.95, "the whole range is used");
        Assert.InRange(weights.Average(), -0.05, 0.05);
        Assert.All(model.Layers.SelectMany(l => l.Neurons), n => Assert.Equal(0.0, n.Bias.Data));
    }

    [Fact]
    public void Scaled_init_divides_by_the_square_root_of_the_fan_in()
    {
        var uniform = new MLP(16, [8, 4], init: Init.Uniform, rng: new Rng(9));
        var scaled = new MLP(16, [8, 4], init: Init.Scaled, rng: new Rng(9));
        for (int l = 0; l < 2; l++)
        {
            double scale = Math.Pow(l == 0 ? 16 : 8, -0.5);
            var u = uniform.Layers[l].Neurons.SelectMany(n => n.Weights).ToArray();
            var s = scaled.Layers[l].Neurons.SelectMany(n => n.Weights).ToArray();
            for (int i = 0; i < u.Length; i++) Assert.Equal(u[i].Data * scale, s[i].Data);
            Assert.All(s, w => Assert.True(Math.Abs(w.Data) <= scale));
        }
        Assert.All(scaled.Layers.SelectMany(l => l.Neurons), n => Assert.Equal(0.0, n.Bias.Data));
    }

    [Fact]
    public void Weights_are_drawn_layer_by_layer_neuron_by_neuron()
    {
        var rng = new Rng(21);
        var draws = Enumerable.Range(0, 2 * 3 + 3).Select(_ => rng.Uniform(-1, 1)).ToArray();
        var model = new MLP(2, [3, 1], rng: new Rng(21));
        var weights = model.Layers.SelectMany(l => l.Neurons).SelectMany(n => n.Weights).Select(w => w.Data);
        Assert.Equal(draws, weights);
    }

    [Fact]
    public void Default_rng_is_seed_1337()
    {
        Assert.Equal(new MLP(2, [3, 1], rng: new Rng(1337)).Parameters().Select(p => p.Data),
            new MLP(2, [3, 1]).Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Forward_computes_the_documented_sum_order()
    {
        var n = new Neuron(3, Activation.Linear, rng: new Rng(4));
        n.Bias.Data = 0.25;
        var x = new[] { 0.5, -1.5, 2.0 };
        var w = n.Weights.Select(v => v.Data).ToArray();
        double expected = ((0.25 + w[0] * x[0]) + w[1] * x[1]) + w[2] * x[2];
        Assert.Equal(expected, n.Forward(x).Data);
        var tanh = new Neuron(3, Activation.Tanh, rng: new Rng(4));
        tanh.Bias.Data = 0.25;
        Assert.Equal(Math.Tanh(expected), tanh.Forward(x).Data);
    }

    [Fact]
    public void Wrong_input_count_says_expected_and_actual()
    {
        var model = new MLP(3, [4, 1]);
        var e = Assert.Throws<ArgumentException>(() => model.Forward([1.0, 2.0]));
        Assert.Contains("Expected 3 inputs, got 2", e.Message);
        var layer = new Layer(2, 3);
        Assert.Contains("Expected 2 inputs, got 3", Assert.Throws<ArgumentException>(() => layer.Forward([1.0, 2.0, 3.0])).Message);
        var neuron = new Neuron(1);
        Assert.Contains("Expected 1 input, got 0", Assert.Throws<ArgumentException>(() => neuron.Forward(Array.Empty<double>())).Message);
        Assert.Throws<ArgumentNullException>(() => model.Forward((IReadOnlyList<Value>)null!));
    }

    [Fact]
    public void Sizes_of_zero_or_less_are_rejected_with_the_value()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new MLP(0, [1])).Message);
        Assert.Contains("got none", Assert.Throws<ArgumentException>(() => new MLP(2, [])).Message);
        Assert.Contains("got -1 for layer 2", Assert.Throws<ArgumentException>(() => new MLP(2, [3, -1])).Message);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Layer(2, 0)).Message);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Layer(0, 2)).Message);
        Assert.Contains("got -3", Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(-3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(2, (Activation)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neuron(2, init: (Init)42));
    }

    [Fact]
    public void Activation_parse_and_names()
    {
        Assert.Equal(Activation.ReLU, Activations.Parse("relu"));
        Assert.Equal(Activation.Tanh, Activations.Parse("TANH"));
        Assert.Equal("Sigmoid", Activation.Sigmoid.Name());
        var e = Assert.Throws<ArgumentException>(() => Activations.Parse("gelu"));
        Assert.Contains("'gelu'", e.Message);
        Assert.Throws<ArgumentException>(() => Activations.Parse("7"));
    }

    [Fact]
    public void Module_ZeroGrad_clears_every_parameter()
    {
        var model = new MLP(2, [3, 1]);
        foreach (var p in model.Parameters()) p.Grad = 5;
        model.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Equal(0.0, p.Grad));
        var layer = model.Layers[0];
        foreach (var p in model.Parameters()) p.Grad = 5;
        layer.ZeroGrad();
        Assert.All(layer.Parameters(), p => Assert.Equal(0.0, p.Grad));
        Assert.All(model.Layers[1].Parameters(), p => Assert.Equal(5.0, p.Grad));
    }
}
