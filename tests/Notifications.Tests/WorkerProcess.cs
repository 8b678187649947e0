using System.Diagnostics;

namespace Booking.Notifications.Tests;

/// <summary>The real Notifications executable in its own process, so that it can die the way a machine does.</summary>
public sealed class WorkerProcess(IReadOnlyDictionary<string, string?> settings, string url) : IDisposable
{
    private Process? _process;

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", [BuiltAssembly.Path("Notifications", "Notifications")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["ASPNETCORE_URLS"] = url;
        _process = Process.Start(start)!;
        // Drain the output so the child never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task<int> ExitCodeAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process!.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
    }
}
