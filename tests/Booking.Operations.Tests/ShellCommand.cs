using System.Diagnostics;
using Booking.Testing;

namespace Booking.Operations.Tests;

/// <summary>A bash command run from the repository's root, as an operator would type it; its output is kept for the assertions.</summary>
public static class ShellCommand
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result Succeeded() => ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"Exit code {ExitCode}:\n{Output}");
    }

    public static async Task<Result> RunAsync(string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = RepositoryFolder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        // Both streams read at once, interleaved as they come, so neither pipe fills and blocks the script.
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish in {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return new Result(process.ExitCode, output.ToString());
    }
}
