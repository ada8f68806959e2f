using BenchmarkDotNet.Attributes;
using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Benchmarks;

/// <summary>
/// One training step of the tensor engine on issue 11's two workloads, on a set number of threads:
/// moons (100 points, 2-16-16-1 ReLU, hinge + 1e-4·Σp², SGD, float64) and mnist-mlp (a batch of 128 random
/// 784-pixel images, 784-128-64-10 ReLU, cross-entropy, SGD, float32). tools/reference/bench_pytorch_tensors.py
/// times the same steps in PyTorch.
/// </summary>
[MemoryDiagnoser]
public class TensorStepBenchmarks
{
    private Action _moons = null!, _mnist = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Tensor.MaxThreads = Threads;
        _moons = MoonsStep();
        _mnist = MnistStep();
    }

    [Benchmark(Description = "moons step, float64")]
    public void Moons() => _moons();

    [Benchmark(Description = "mnist-mlp step, float32")]
    public void Mnist() => _mnist();

    internal static Action MoonsStep()
    {
        var rng = new Rng(1337);
        var data = Datasets.Moons(100, 0.1, rng);
        var model = new TensorMLP<double>(2, [16, 16, 1], rng: rng);
        var x = Tensor<double>.FromArray([.. data.Inputs.SelectMany(r => r)], [100, 2]);
        var y = Tensor<double>.FromArray([.. data.Targets], [100]);
        var sgd = new Sgd(model.Parameters(), 0.1);
        return () =>
        {
            var loss = TensorLosses.Hinge(model.Forward(x), y) + TensorLosses.L2(model.Parameters(), 1e-4);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            loss.ReleaseGraph();
        };
    }

    internal static Action MnistStep()
    {
        var rng = new Rng(1337);
        var model = new TensorMLP<float>(784, [128, 64, 10], rng: rng, init: Init.Scaled);
        var x = Tensor<float>.Uniform([128, 784], 0, 1, rng);
        int[] y = [.. Enumerable.Range(0, 128).Select(_ => rng.Below(10))];
        var sgd = new Sgd(model.Parameters(), 0.01);
        return () =>
        {
            var loss = model.Forward(x).CrossEntropy(y);
            sgd.ZeroGrad();
            loss.Backward();
            sgd.Step();
            loss.ReleaseGraph();
        };
    }
}
