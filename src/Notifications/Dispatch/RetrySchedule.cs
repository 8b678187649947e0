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
}
