using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Booking.Testing;

/// <summary>
/// A program of the solution run as its own process, as a machine runs it: it can be killed like a machine failure,
/// and what it writes on its console (its log lines, JSON in every host) is kept for the test to read.
/// </summary>
/// <param name="arguments">Its command line (a tool's command).</param>
public sealed class HostProcess(string project, IReadOnlyDictionary<string, string?> settings, params string[] arguments) : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <summary>Every line the process wrote on standard output and standard error, in arrival order per stream.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The most files (sockets included) the process may have open at once, set before it starts; the
    /// system's own limit when null.</summary>
    public int? FileLimit { get; init; }

    /// <summary>Whether the process has ended (crashed, killed or stopped) since it started.</summary>
    public bool HasExited => _process?.HasExited ?? false;

    public void Start()
    {
        var assembly = BuiltAssembly(project);
        // prlimit sets the limit, then becomes the program (same process), so killing it kills the program.
        string[] command = FileLimit is { } files ? [$"--nofile={files}:{files}", "dotnet", assembly, .. arguments] : [assembly, .. arguments];
        var start = new ProcessStartInfo(FileLimit is null ? "dotnet" : "prlimit", command)
        {
            // Its content root, as in production: its own appsettings.json, not the test assembly's copies.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment[TestClock.HostSetting.Key.Replace(":", "__", StringComparison.Ordinal)] = TestClock.HostSetting.Value;
        _process = Process.Start(start)!;
        // Read continuously, so the child never blocks on a full pipe.
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task<int> ExitCodeAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process!.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no graceful shutdown, no chance to flush anything.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops a host, then waits for it to exit (its last lines are then kept).</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        if (_process is not { HasExited: false })
            return;
        Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        try
        {
            await ExitCodeAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
            Kill();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _output.Enqueue(line);
    }

    /// <summary>The program built alongside the running test assembly, in the same configuration (Debug or Release).</summary>
    public static string BuiltAssembly(string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var path = Path.Combine(RepositoryFolder.Root, "src", project, "bin", configuration, testBin.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {project} is missing.", path);
    }
}
