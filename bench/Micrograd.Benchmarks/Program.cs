using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Micrograd.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
