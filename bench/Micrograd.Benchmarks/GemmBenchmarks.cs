using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Micrograd.Tensors.Kernels;

namespace Micrograd.Benchmarks;

/// <summary>
/// The tensor engine's matrix product (Gemm.Multiply, C += op(A)·op(B)) on the shapes it meets: 128×784 by
/// 784×128 with each transposition ("AᵀB m×k×n": A stored transposed), the products of an MNIST-size step
/// (784-128-64-10 MLP, batch 128: forward X·W, backward G·Wᵀ and Xᵀ·G per layer, named by the layer's fan-in and
/// fan-out) and the moons network's small products; the large ones on one thread and on two ("×2").
/// The GFLOP/s column is 2·m·n·k over the median time.
/// tools/reference/bench_openblas_gemm.py times the same shapes with OpenBLAS through NumPy.
/// </summary>
[Config(typeof(GemmBenchmarkConfig))]
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class GemmBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _a = [], _b = [], _c = [];

    /// <summary>The product and the threads it may use.</summary>
    [ParamsSource(nameof(Cases))]
    public GemmShape Shape { get; set; } = null!;

    public static IEnumerable<GemmShape> Cases()
    {
        // Names stay within the 20 characters BenchmarkDotNet shows of a parameter.
        var big = new[]
        {
            new GemmShape("AB 128x784x128", false, false, 128, 128, 784),   // also the MNIST step's X·W 784-128
            new GemmShape("AᵀB 128x784x128", true, false, 128, 128, 784),
            new GemmShape("ABᵀ 128x784x128", false, true, 128, 128, 784),
            new GemmShape("AᵀBᵀ 128x784x128", true, true, 128, 128, 784),
            new GemmShape("G·Wᵀ 784-128", false, true, 128, 784, 128),
            new GemmShape("Xᵀ·G 784-128", true, false, 784, 128, 128),
        };
        foreach (var shape in big)
        {
            yield return shape;
            yield return shape with { Threads = 2 };
        }
        int[] sizes = [128, 64, 10];
        for (int layer = 0; layer < 2; layer++)
        {
            var (fanIn, fanOut) = (sizes[layer], sizes[layer + 1]);
            yield return new GemmShape($"X·W {fanIn}-{fanOut}", false, false, 128, fanOut, fanIn);
            yield return new GemmShape($"G·Wᵀ {fanIn}-{fanOut}", false, true, 128, fanIn, fanOut);
            yield return new GemmShape($"Xᵀ·G {fanIn}-{fanOut}", true, false, fanIn, fanOut, 128);
        }
        yield return new GemmShape("moons 100x2·2x16", false, false, 100, 16, 2);
        yield return new GemmShape("moons 100x16·16x16", false, false, 100, 16, 16);
        yield return new GemmShape("moons 100x16·16x1", false, false, 100, 1, 16);
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1337);
        _a = Random(Shape.M * Shape.K, random);
        _b = Random(Shape.K * Shape.N, random);
        _c = new T[Shape.M * Shape.N];
    }

    private static T[] Random(int length, Random random) =>
        Enumerable.Range(0, length).Select(_ => T.CreateChecked(random.NextDouble() * 2 - 1)).ToArray();

    [Benchmark]
    public void Multiply()
    {
        var s = Shape;
        Gemm.Multiply<T>(s.TransposeA, s.TransposeB, s.M, s.N, s.K, _a, s.TransposeA ? s.M : s.K, _b,
            s.TransposeB ? s.K : s.N, _c, s.N, s.Threads);
    }
}

/// <summary>Fewer iterations than the default (the product is stable), the median, and GFLOP/s.</summary>
internal sealed class GemmBenchmarkConfig : ManualConfig
{
    public GemmBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15));
        AddColumn(StatisticColumn.Median, new GflopsColumn());
        WithOptions(ConfigOptions.DisableLogFile);
    }
}

/// <summary>2·m·n·k floating-point operations over the median time of a call.</summary>
internal sealed class GflopsColumn : IColumn
{
    public string Id => "GFLOP/s";
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "2·m·n·k / median time, in 10⁹ per second";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || benchmarkCase.Parameters["Shape"] is not GemmShape s) return "?";
        return (2.0 * s.M * s.N * s.K / statistics.Median).ToString("F1"); // flops per ns = GFLOP/s
    }
}

/// <summary>One product of the benchmark: C[m×n] += op(A)·op(B) with k steps, on up to <see cref="Threads"/> threads.</summary>
public sealed record GemmShape(string Name, bool TransposeA, bool TransposeB, int M, int N, int K, int Threads = 1)
{
    public override string ToString() => Threads == 1 ? Name : $"{Name} ×{Threads}";
}
