using System.Diagnostics;

namespace Booking.LoadTest.Faults;

/// <summary>What was done for one planned fault. <paramref name="InjectedAt"/> is a <see cref="Stopwatch"/> timestamp;
/// <paramref name="Recovery"/> says how the part came back ("new process after 1.2 s", "restart took 0.9 s"), or why
/// it did not; <paramref name="Error"/> is set when the fault could not be injected at all.</summary>
public sealed record InjectedFault(PlannedFault Plan, long InjectedAt, string Action, string Recovery, string? Error);

/// <summary>Injects the planned faults at their time into the platform <c>./run.sh</c> runs, alongside the load, and
/// watches the part come back: the supervisor's next process for a host, the end of pg_ctl's restart for PostgreSQL.</summary>
public sealed class FaultInjector(PlatformState platform, IReadOnlyList<PlannedFault> plan)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>Checks the plan against the platform and the run before the load starts.</summary>
    public static FaultInjector For(string stateDirectory, IReadOnlyList<PlannedFault> plan, TimeSpan runDuration)
    {
        var platform = PlatformState.Load(stateDirectory);
        foreach (var fault in plan)
        {
            if (fault.At >= runDuration)
                throw new UsageException($"--fault {fault.Name} comes after the run's {runDuration.TotalSeconds:0} s.");
            if (fault.Kind != FaultKind.PostgresRestart)
                platform.HostName(fault.Kind, fault.Target);
        }
        return new FaultInjector(platform, plan);
    }

    /// <summary>Faults not yet due when the run stops are not injected.</summary>
    public async Task<IReadOnlyList<InjectedFault>> RunAsync(long runStart, CancellationToken stopping)
    {
        var injected = new List<Task<InjectedFault>>();
        foreach (var fault in plan)
        {
            var due = fault.At - Stopwatch.GetElapsedTime(runStart);
            if (due > TimeSpan.Zero)
                await Task.Delay(due, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stopping.IsCancellationRequested)
                break;
            injected.Add(fault.Kind == FaultKind.PostgresRestart ? RestartPostgresAsync(fault) : SignalHostAsync(fault, stopping));
        }
        return await Task.WhenAll(injected);
    }

    private async Task<InjectedFault> SignalHostAsync(PlannedFault fault, CancellationToken stopping)
    {
        var host = platform.HostName(fault.Kind, fault.Target);
        var (signal, verb) = fault.Kind == FaultKind.SiloStop ? (ProcessSignals.Terminate, "SIGTERM (graceful stop) to") : (ProcessSignals.Kill, "kill -9 of");
        var injectedAt = Stopwatch.GetTimestamp();
        if (platform.CurrentPid(host) is not { } pid)
            return new InjectedFault(fault, injectedAt, $"{verb} {host}", "", $"{host} has no process (pid file missing in {platform.PidDirectory})");
        var action = $"{verb} {host} (pid {pid})";
        Console.Error.WriteLine($"  fault: {action}");
        if (!ProcessSignals.TrySend(pid, signal, out var error))
            return new InjectedFault(fault, injectedAt, action, "", error);

        // Until the run ends: a host still down then is reported as such, not waited for.
        TimeSpan? exited = null;
        while (!stopping.IsCancellationRequested)
        {
            exited ??= ProcessSignals.IsRunning(pid) ? null : Stopwatch.GetElapsedTime(injectedAt);
            if (platform.CurrentPid(host) is { } next && next != pid)
                return new InjectedFault(fault, injectedAt, action,
                    $"{(exited is { } e ? $"exited after {Seconds(e)}, " : "")}new process started by its supervisor after {Seconds(Stopwatch.GetElapsedTime(injectedAt))}", null);
            await Task.Delay(PollEvery, CancellationToken.None);
        }
        return new InjectedFault(fault, injectedAt, action,
            exited is { } gone ? $"exited after {Seconds(gone)}, not restarted before the run ended" : "still running when the run ended", null);
    }

    /// <summary>pg_ctl restart -m fast, as the server's owner: open sessions are cut, the server is back once it accepts
    /// connections again (pg_ctl -w waits for that).</summary>
    private async Task<InjectedFault> RestartPostgresAsync(PlannedFault fault)
    {
        string[] pgCtl = [platform.PgCtl, "restart", "-D", platform.PgData, "-l", platform.PgLog, "-m", "fast", "-w", "-t", "60"];
        string[] command = Environment.UserName == platform.PgOwner ? pgCtl : ["runuser", "-u", platform.PgOwner, "--", .. pgCtl];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command[1..])
            start.ArgumentList.Add(arg);
        var action = $"pg_ctl restart -m fast ({platform.PgData})";
        Console.Error.WriteLine($"  fault: {action}");
        var injectedAt = Stopwatch.GetTimestamp();
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var took = Stopwatch.GetElapsedTime(injectedAt);
            return process.ExitCode == 0
                ? new InjectedFault(fault, injectedAt, action, $"accepting connections again after {Seconds(took)} (pg_ctl -w)", null)
                : new InjectedFault(fault, injectedAt, action, "", $"pg_ctl exited with {process.ExitCode} after {Seconds(took)}: {(await errors).Trim()} {(await output).Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new InjectedFault(fault, injectedAt, action, "", $"{command[0]} could not be started: {e.Message}");
        }
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s";
}
