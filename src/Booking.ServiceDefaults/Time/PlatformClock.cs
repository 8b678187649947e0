using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.ServiceDefaults.Time;

/// <summary>
/// The one clock every host injects wherever time decides something (holds, eligibility, reminders, passes, sessions).
/// It is the system's, unless <c>Clock:Offset</c> shifts it: a rehearsal of a campaign opening, or the test suite
/// running the whole platform at a chosen instant while time still flows. PostgreSQL must then run on the same shift
/// (the test command starts it under faketime), since the outbox's leases and reminders compare against its now().
/// </summary>
public static class PlatformClock
{
    public const string OffsetKey = "Clock:Offset";

    public static IServiceCollection AddPlatformClock(this IServiceCollection services, IConfiguration configuration)
    {
        var offset = configuration.GetValue<TimeSpan?>(OffsetKey) ?? TimeSpan.Zero;
        // Replace, not add: libraries register the system clock with TryAdd, and one registration must win everywhere.
        services.Replace(ServiceDescriptor.Singleton(offset == TimeSpan.Zero ? TimeProvider.System : new ShiftedTimeProvider(offset)));
        // Orleans takes its clocks by key (messaging, membership, timers, activation collection) and falls back to the
        // one above. They stay on the system clock: the cluster coordinates processes in real time, and mixing a
        // shifted clock with its own stopwatches makes calls expire; only the platform's decisions follow the shift.
        services.AddKeyedSingleton(KeyedService.AnyKey, TimeProvider.System);
        return services;
    }
}

/// <summary>The system clock moved by a fixed amount; it keeps ticking in real time.</summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
