using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Nn;

/// <summary>The engine-neutral description of an MLP: the scalar and tensor MLPs convert to it and back without
/// changing a number, and it refuses descriptions that no MLP could hold (no fixture).</summary>
public class MlpWeightsTests
{
    [Fact]
    public void Scalar_and_tensor_MLPs_from_one_seed_describe_the_same_numbers()
    {
        var scalar = MlpWeights.Of(new MLP(3, [4, 2], Activation.Tanh, Activation.Sigmoid, Init.Scaled, new Rng(9)));
        var tensor = MlpWeights.Of(new TensorMLP<double>(3, [4, 2], Activation.Tanh, Activation.Sigmoid, Init.Scaled, new Rng(9)));
        Assert.Equal("3-4-2 (Tanh, Sigmoid output)", scalar.Shape);
        Assert.Equal(scalar.ParameterCount, tensor.ParameterCount);
        Assert.Equal(26, scalar.ParameterCount);
        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(scalar.Layers[l].Weights, tensor.Layers[l].Weights);
            Assert.Equal(scalar.Layers[l].Biases, tensor.Layers[l].Biases);
            Assert.Equal(scalar.Layers[l].Activation, tensor.Layers[l].Activation);
        }
    }

    [Fact]
    public void Conversions_keep_every_number_and_the_outputs()
    {
        var model = new MLP(2, [3, 3, 1], Activation.ReLU, rng: new Rng(4));
        foreach (var (p, i) in model.Parameters().Select((p, i) => (p, i))) p.Data += 0.1 * i; // biases off 0
        var weights = MlpWeights.Of(model);

        var back = weights.ToMLP();
        Assert.Equal(model.Parameters().Select(p => p.Data), back.Parameters().Select(p => p.Data));
        Assert.Equal(MlpWeights.Of(weights.ToTensorMLP<double>()).Layers.SelectMany(l => l.Weights), weights.Layers.SelectMany(l => l.Weights));

        var tensor = weights.ToTensorMLP<double>();
        double[] x = [0.7, -1.2];
        Assert.Equal(model.Forward(x)[0].Data, tensor.Forward(Tensor<double>.FromArray(x, [1, 2])).Item(), 1e-14);
    }

    [Fact]
    public void Descriptions_no_MLP_could_hold_are_refused_and_mixed_activations_are_kept()
    {
        LayerWeights Dense(int nin, int nout, Activation f = Activation.ReLU) => new(nin, nout, new double[nin * nout], new double[nout], f);

        Assert.Contains("layer 2 to take 3 inputs, got 4", Assert.Throws<ArgumentException>(() => new MlpWeights(2, [Dense(2, 3), Dense(4, 1)])).Message);
        Assert.Contains("hold 6 weights and 3 biases, got 5 and 3",
            Assert.Throws<ArgumentException>(() => new MlpWeights(2, [new LayerWeights(2, 3, new double[5], new double[3], Activation.ReLU)])).Message);
        Assert.Contains("at least one layer", Assert.Throws<ArgumentException>(() => new MlpWeights(2, [])).Message);
        var mixed = new MlpWeights(1, [Dense(1, 2, Activation.ReLU), Dense(2, 2, Activation.Tanh), Dense(2, 1, Activation.Linear)]);
        Activation[] perLayer = [Activation.ReLU, Activation.Tanh, Activation.Linear];
        Assert.Equal(perLayer, mixed.ToMLP().Layers.Select(l => l.Neurons[0].Activation));
        Assert.Equal(perLayer, mixed.ToTensorMLP<double>().Activations);
        Assert.Equal(perLayer, MlpWeights.Of(mixed.ToTensorMLP<float>()).Layers.Select(l => l.Activation));
    }
}
