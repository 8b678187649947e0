using System.Runtime.InteropServices;

namespace Booking.LoadTest.Faults;

/// <summary>Signals to a host's process by id, as kill(1) sends them: .NET's Process.Kill only knows SIGKILL, and a
/// graceful stop needs SIGTERM.</summary>
public static class ProcessSignals
{
    public const int Terminate = 15; // SIGTERM
    public const int Kill = 9;       // SIGKILL

    /// <summary>False (with the reason) when the process is gone or may not be signalled.</summary>
    public static bool TrySend(int pid, int signal, out string? error)
    {
        error = null;
        if (kill(pid, signal) == 0)
            return true;
        error = $"kill({pid}, {signal}) failed: {Marshal.GetLastPInvokeErrorMessage()}";
        return false;
    }

    /// <summary>Alive, or a zombie its supervisor has not reaped yet (either way not yet restarted).</summary>
    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
