using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Training;

namespace Micrograd.Playground.Loop;

/// <summary>The five lines of a training step, in order.</summary>
public enum LoopPhase { Forward, Loss, ZeroGrad, Backward, Update }

/// <summary>
/// The lecture's training loop one line at a time: its MLP(3, [4, 4, 1]) with tanh, on its four examples, the sum
/// of squared errors, plain SGD; each <see cref="Next"/> runs one of forward, loss, zero_grad, backward, update,
/// with the library's own calls, and records which numbers it changed.
/// </summary>
public sealed class TrainingLoop
{
    private readonly Dataset _data = Datasets.Tiny();
    private readonly Sgd _optimizer;
    private readonly List<double> _losses = [];

    /// <param name="learningRate">The lecture's 0.05 by default.</param>
    public TrainingLoop(double learningRate = 0.05)
    {
        var p = Presets.Lecture;
        Model = new MLP(_data.InputCount, p.Layers, p.Activation, p.OutputActivation, p.Init, new Rng(p.Seed));
        _optimizer = new Sgd(Model.Parameters(), learningRate);
        Predictions = new double?[_data.Count];
    }

    public MLP Model { get; }

    public Dataset Data => _data;

    /// <summary>The phase the next press runs.</summary>
    public LoopPhase Phase { get; private set; } = LoopPhase.Forward;

    /// <summary>The phase the last press ran; null before the first.</summary>
    public LoopPhase? Last { get; private set; }

    /// <summary>Completed steps (updates).</summary>
    public int StepCount { get; private set; }

    /// <summary>Chapter 9's bug: zero_grad does nothing, so every backward adds its gradients to the last ones.</summary>
    public bool SkipZeroGrad { get; set; }

    /// <exception cref="ArgumentOutOfRangeException">For a rate that is not positive and finite (the library's message).</exception>
    public double LearningRate
    {
        get => _optimizer.LearningRate;
        set => _optimizer.LearningRate = value;
    }

    /// <summary>The network's output for each example, after the last forward (null before it).</summary>
    public double?[] Predictions { get; }

    /// <summary>The loss of the last loss phase (null before it).</summary>
    public double? Loss => _loss?.Data;

    /// <summary>The loss of each step, in order.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The parameters whose data or grad the last press changed (by index in <see cref="MLP.Parameters"/>),
    /// and whether the predictions or the loss changed.</summary>
    public IReadOnlySet<int> ChangedData => _changedData;

    public IReadOnlySet<int> ChangedGrad => _changedGrad;

    private Value[]? _outputs;
    private Value? _loss;
    private HashSet<int> _changedData = [], _changedGrad = [];

    /// <summary>Runs the next line of the loop.</summary>
    public void Next()
    {
        var parameters = Model.Parameters();
        var data = parameters.Select(p => p.Data).ToArray();
        var grad = parameters.Select(p => p.Grad).ToArray();
        switch (Phase)
        {
            case LoopPhase.Forward:
                _outputs = _data.Inputs.Select(x => Model.Forward(x)[0]).ToArray();
                for (int i = 0; i < _outputs.Length; i++) Predictions[i] = _outputs[i].Data;
                break;
            case LoopPhase.Loss:
                _loss = Micrograd.Losses.SumSquaredError(_outputs!, _data.Targets);
                break;
            case LoopPhase.ZeroGrad:
                if (!SkipZeroGrad) _optimizer.ZeroGrad();
                break;
            case LoopPhase.Backward:
                _loss!.Backward();
                break;
            case LoopPhase.Update:
                _optimizer.Step();
                _losses.Add(_loss!.Data);
                StepCount++;
                break;
        }
        _changedData = [.. Enumerable.Range(0, parameters.Count).Where(i => parameters[i].Data != data[i])];
        _changedGrad = [.. Enumerable.Range(0, parameters.Count).Where(i => parameters[i].Grad != grad[i])];
        Last = Phase;
        Phase = Phase == LoopPhase.Update ? LoopPhase.Forward : Phase + 1;
    }

    /// <summary>Presses until <paramref name="steps"/> more updates are done.</summary>
    public void RunSteps(int steps)
    {
        int target = StepCount + steps;
        while (StepCount < target) Next();
    }

    /// <summary>The code of each phase, as the lecture and the README write the loop.</summary>
    public static string Code(LoopPhase phase) => phase switch
    {
        LoopPhase.Forward => "var ypred = xs.Select(x => model.Forward(x)[0]).ToArray();",
        LoopPhase.Loss => "var loss = Losses.SumSquaredError(ypred, ys);",
        LoopPhase.ZeroGrad => "optimizer.ZeroGrad();",
        LoopPhase.Backward => "loss.Backward();",
        _ => "optimizer.Step();",
    };

    /// <summary>What each phase does, in a sentence.</summary>
    public static string Explain(LoopPhase phase) => phase switch
    {
        LoopPhase.Forward => "forward: each example goes through the network; the predictions change.",
        LoopPhase.Loss => "loss: how far the predictions are from the targets, Σ (ypred − y)², one number to make small.",
        LoopPhase.ZeroGrad => "zero_grad: every gradient back to 0, since backward adds to them (+=).",
        LoopPhase.Backward => "backward: d loss / d p for every parameter p, by the chain rule; the grads change.",
        _ => "update: every parameter moves a little against its gradient, p.data −= lr × p.grad; the data change.",
    };
}
