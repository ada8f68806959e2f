using BenchmarkDotNet.Running;
using Micrograd.Benchmarks;

// dotnet run -c Release --project bench/Micrograd.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Micrograd.Benchmarks -- gemm-cpu-time [rounds]   (see GemmCpuTime.cs)
// dotnet run -c Release --project bench/Micrograd.Benchmarks -- step-cpu-time [rounds]   (see StepCpuTime.cs)
if (args is ["gemm-cpu-time", ..])
    GemmCpuTime.Run(args.Length > 1 ? int.Parse(args[1]) : 7);
else if (args is ["step-cpu-time", ..])
    StepCpuTime.Run(args.Length > 1 ? int.Parse(args[1]) : 9);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
