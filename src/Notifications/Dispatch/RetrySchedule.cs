using Booking.Data.Notifications;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;

namespace Booking.Notifications.Dispatch;

/// <summary>Exponential backoff with jitter between attempts on one channel, and when to give up on it.</summary>
public sealed class RetrySchedule(DispatchOptions options)
{
    public bool Exhausted(int attempts) => attempts >= options.MaxAttempts;

    public DateTimeOffset NextAttempt(int attempts, DateTimeOffset now)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        if (delay > options.RetryMaxDelay)
            delay = options.RetryMaxDelay;
        // Jitter spreads a provider outage's retries instead of returning them all in one burst.
        return now + delay * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    /// <summary>What to record of one send on a channel with no other to fall back on (staff e-mails, the waiting
    /// list's messages): sent, queued again after the backoff, or given up once the attempts are spent.</summary>
    public SettledSend Settle(SendOutcome outcome, int attempts, DateTimeOffset now) => outcome switch
    {
        SendOutcome.Accepted accepted => new(NotificationStatus.Sent, accepted.ProviderMessageId, null, null),
        SendOutcome.Transient t when !Exhausted(attempts) => new(NotificationStatus.Queued, null, t.Error, NextAttempt(attempts, now)),
        SendOutcome.Transient t => new(NotificationStatus.DeadLetter, null, t.Error, null),
        SendOutcome.Permanent p => new(NotificationStatus.DeadLetter, null, p.Error, null),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
    };
}

/// <summary>One send's outcome as its outbox row records it.</summary>
public sealed record SettledSend(string Status, string? ProviderMessageId, string? Error, DateTimeOffset? RetryAt);
