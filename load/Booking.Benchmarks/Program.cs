using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Booking.Benchmarks;

// Reports go to load/results/benchmarks (git-ignored) unless --artifacts says otherwise.
BenchmarkSwitcher.FromAssembly(typeof(PassQrCodeBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.WithArtifactsPath(Path.Combine("load", "results", "benchmarks")));
