using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Reports go to load/results/benchmarks (git-ignored) unless --artifacts says otherwise.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.WithArtifactsPath(Path.Combine("load", "results", "benchmarks")));
