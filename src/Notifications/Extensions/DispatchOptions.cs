using System.ComponentModel.DataAnnotations;

namespace Booking.Notifications.Extensions;

/// <summary>How the worker drains the outbox. Several worker processes may run with the same settings.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Notifications:Dispatch";

    /// <summary>Names this process in claims and events; defaults to host name + process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    [Range(1, 5000)] public int BatchSize { get; set; } = 200;

    /// <summary>Claim loops per process: while one loop records its batch, another is already sending.</summary>
    [Range(1, 32)] public int Loops { get; set; } = 4;

    /// <summary>Sends in flight at once per loop.</summary>
    [Range(1, 1000)] public int ConcurrentSends { get; set; } = 64;

    /// <summary>A claim expires after this; a crashed worker's messages come due again then.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After this many failed attempts on one channel a message is dead-lettered (and falls back to the other channel).</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often due reminders are turned into messages.</summary>
    public TimeSpan ReminderPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Test-only fault hook: the process dies right after a provider accepted a message and before the
    /// result is recorded, to prove that a crash there makes no duplicate. Never set in production.</summary>
    public bool CrashAfterProviderCall { get; set; }
}
