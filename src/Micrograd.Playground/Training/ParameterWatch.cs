using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Training;

namespace Micrograd.Playground.Training;

/// <summary>One parameter of a network: layer <paramref name="Layer"/> (from 0), neuron <paramref name="Neuron"/>,
/// and input <paramref name="Input"/>'s weight, or the bias when <paramref name="Input"/> is the layer's number of
/// inputs.</summary>
public readonly record struct ParameterChoice(int Layer, int Neuron, int Input)
{
    /// <summary>micrograd's label, as <see cref="Nn.MLP"/> names its Values: L1N0.w1, L2N3.b.</summary>
    public string Label(int inputs) => Input == inputs ? $"L{Layer + 1}N{Neuron}.b" : $"L{Layer + 1}N{Neuron}.w{Input}";
}

/// <summary>What the optimizer sees of one parameter, step by step: its value and gradient and, for AdamW, the
/// running means m (of the gradient) and v (of its square).</summary>
/// <param name="Value">After the step's update.</param>
/// <param name="Update">How far the step moved it.</param>
/// <param name="M">For AdamW: its running mean of gradients, as the library keeps it (<see cref="AdamW.Moments"/>).</param>
/// <param name="SqrtV">For AdamW: the root of its running mean of squared gradients, as the library keeps it.</param>
/// <param name="Predicted">For AdamW: the update from m and v by AdamW's rule, which must equal
/// <see cref="Update"/> (to float32's precision on a float32 engine); null for SGD.</param>
public readonly record struct WatchedStep(int Step, double Value, double Grad, double Update, double? M, double? SqrtV, double? Predicted);

/// <summary>
/// Follows one parameter through a <see cref="Trainer"/>'s steps. The value, the gradient and AdamW's m and v are
/// the library's (<see cref="AdamW.Moments"/>); the update AdamW's rule computes from them is shown beside the
/// library's actual update, as a check that they are the numbers the step used.
/// </summary>
public sealed class ParameterWatch
{
    private readonly Trainer _trainer;
    private readonly Func<(double Value, double Grad)> _read;
    private readonly (int Parameter, int Element) _at; // the number's place in the optimizer's parameters
    private readonly List<WatchedStep> _steps = [];
    private double _before;

    /// <exception cref="ArgumentException">For a parameter the network does not have.</exception>
    public ParameterWatch(Trainer trainer, ParameterChoice choice)
    {
        _trainer = trainer;
        Choice = choice;
        var weights = trainer.Weights();
        if (choice.Layer < 0 || choice.Layer >= weights.Layers.Count)
            throw new ArgumentException($"Expected a layer from 1 to {weights.Layers.Count}, got {choice.Layer + 1}.");
        var layer = weights.Layers[choice.Layer];
        if (choice.Neuron < 0 || choice.Neuron >= layer.OutputCount)
            throw new ArgumentException($"Expected a neuron from 0 to {layer.OutputCount - 1} in layer {choice.Layer + 1}, got {choice.Neuron}.");
        if (choice.Input < 0 || choice.Input > layer.InputCount)
            throw new ArgumentException($"Expected an input from 0 to {layer.InputCount - 1} or the bias in layer {choice.Layer + 1}, got {choice.Input}.");
        Label = choice.Label(layer.InputCount);
        (_read, _at) = trainer.Optimizer.TensorParameters.Count > 0 ? TensorReader(trainer, choice, weights) : ValueReader(trainer, choice, weights);
        _before = _read().Value;
    }

    public ParameterChoice Choice { get; }

    public string Label { get; }

    /// <summary>True when the optimizer is AdamW (m and v exist).</summary>
    public bool IsAdamW => _trainer.Optimizer is AdamW;

    public IReadOnlyList<WatchedStep> Steps => _steps;

    /// <summary>The current value (before any step: the initial one).</summary>
    public double Value => _read().Value;

    /// <summary>Reads the parameter after a step of the trainer (call it after every step).</summary>
    public void Observe()
    {
        var (value, grad) = _read();
        double update = value - _before;
        _before = value;
        double? m = null, sqrtV = null, predicted = null;
        if (_trainer.Optimizer is AdamW adam)
        {
            var (mean, meanSquare) = adam.Moments(_at.Parameter, _at.Element);
            int t = adam.StepCount;
            double lr = adam.LearningRate, p0 = value - update;
            double denom = Math.Sqrt(meanSquare) / Math.Sqrt(1 - Math.Pow(adam.Beta2, t)) + adam.Eps;
            predicted = p0 * (1 - lr * adam.WeightDecay) - lr / (1 - Math.Pow(adam.Beta1, t)) * mean / denom - p0;
            (m, sqrtV) = (mean, Math.Sqrt(meanSquare));
        }
        _steps.Add(new WatchedStep(_trainer.StepsTaken - 1, value, grad, update, m, sqrtV, predicted));
    }

    // The scalar engines' Values, in the MLP's order: layer by layer, neuron by neuron, weights then bias.
    private static (Func<(double, double)>, (int, int)) ValueReader(Trainer trainer, ParameterChoice c, MlpWeights weights)
    {
        int index = 0;
        for (int l = 0; l < c.Layer; l++) index += (weights.Layers[l].InputCount + 1) * weights.Layers[l].OutputCount;
        index += c.Neuron * (weights.Layers[c.Layer].InputCount + 1) + c.Input;
        var p = trainer.Optimizer.Parameters[index];
        return (() => (p.Data, p.Grad), (index, 0));
    }

    // The tensor engine's parameters are W1, b1, W2, b2, ... (TensorMLP.Parameters). A bias is element n of its
    // layer's b. A weight is found by its initial value, which is unique in its matrix (drawn uniformly at
    // random): this does not depend on how Linear lays out its matrix.
    private static (Func<(double, double)>, (int, int)) TensorReader(Trainer trainer, ParameterChoice c, MlpWeights weights)
    {
        var layer = weights.Layers[c.Layer];
        bool bias = c.Input == layer.InputCount;
        int parameter = 2 * c.Layer + (bias ? 1 : 0);
        var tensor = trainer.Optimizer.TensorParameters[parameter];
        int index = c.Neuron;
        if (!bias)
        {
            double initial = layer.Weights[c.Neuron * layer.InputCount + c.Input];
            var values = Numbers(tensor).Value;
            int[] matches = [.. Enumerable.Range(0, values.Length).Where(i => values[i] == initial)];
            if (matches.Length != 1)
                throw new ArgumentException($"Expected weight {c.Label(layer.InputCount)} to have a value of its own, but {matches.Length} weights hold {initial}; choose another.");
            index = matches[0];
        }
        Func<(double, double)> read = tensor switch
        {
            Tensor<float> f => () => (f.ToArray()[index], f.Grad is { } g ? g.ToArray()[index] : 0),
            Tensor<double> d => () => (d.ToArray()[index], d.Grad is { } g ? g.ToArray()[index] : 0),
            _ => throw new InvalidOperationException($"Expected a float or double tensor, got {tensor.GetType().Name}."),
        };
        return (read, (parameter, index));
    }

    private static (double[] Value, double[]? Grad) Numbers(Tensor t) => t switch
    {
        Tensor<float> f => ([.. f.ToArray().Select(x => (double)x)], f.Grad?.ToArray().Select(x => (double)x).ToArray()),
        Tensor<double> d => (d.ToArray(), d.Grad?.ToArray()),
        _ => throw new InvalidOperationException($"Expected a float or double tensor, got {t.GetType().Name}."),
    };
}
