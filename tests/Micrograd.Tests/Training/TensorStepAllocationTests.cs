using System.Runtime;
using Micrograd.Data;
using Micrograd.Training;
using Xunit.Abstractions;

namespace Micrograd.Tests.Training;

/// <summary>Alone: a no-GC region counts every thread's allocations, so no other test may run beside it.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>
/// Steady-state tensor steps allocate nothing on the large-object heap (the batch's tensors are refilled in
/// place; evaluation passes are cut small), for the MNIST-size network of issue 11: 784-128-64-10, float32,
/// batch 128, with a validation split evaluated along the way.
/// </summary>
[Collection(nameof(AllocationCollection))]
public class TensorStepAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Steady_state_steps_allocate_nothing_on_the_large_object_heap()
    {
        var rng = new Rng(3);
        var train = RandomImages(512, rng);
        var data = new DatasetSplits(train, RandomImages(256, rng), train.Slice(0, 0));
        var config = new TrainingConfig
        {
            Layers = [128, 64, 10], Loss = LossKind.CrossEntropy, Optimizer = OptimizerKind.Sgd, LearningRate = 0.01,
            BatchSize = 128, Steps = 1000, ValidationEvery = 5, Engine = EngineKind.Tensor, Precision = Precision.Float32,
        };
        var trainer = new Trainer(config, data, rng);
        for (int i = 0; i < 6; i++) trainer.Step(); // warm up: pooled buffers, optimizer state, validation chunks

        const int steps = 10; // with two validations among them
        long before = GC.GetTotalAllocatedBytes(precise: true);
        // Any large-object allocation (85,000 bytes or more) per step would pass this budget of 200,000 bytes
        // within 10 steps and end the region with a collection.
        Assert.True(GC.TryStartNoGCRegion(256L << 20, 200_000, disallowFullBlockingGC: true), "could not start a no-GC region");
        bool held;
        try
        {
            for (int i = 0; i < steps; i++) trainer.Step();
            held = GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;
        }
        finally
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        long perStep = (GC.GetTotalAllocatedBytes(precise: true) - before) / steps;
        output.WriteLine($"allocated per step: {perStep:N0} bytes");
        Assert.True(held, $"a collection ran during {steps} steps: something went to the large-object heap ({perStep:N0} bytes per step)");
    }

    private static Dataset RandomImages(int count, Rng rng)
    {
        var inputs = new double[count][];
        var targets = new double[count];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = new double[784];
            for (int j = 0; j < 784; j++) inputs[i][j] = rng.Uniform();
            targets[i] = rng.Below(10);
        }
        return new Dataset("images", inputs, targets);
    }
}
