using System.Diagnostics;
using Booking.Data.Catalog;
using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Booking.Silo.Infrastructure;
using Orleans.Concurrency;

namespace Booking.Silo.Availability;

/// <summary>
/// Holds the latest availability each clinic pushed for one service and date. Soft state: once activated it wakes
/// every clinic-day that may offer the service, which publish to it, and reads in its first 3 s wait for them, so
/// that a fresh or failed-over index is complete before its first answer. It never waits on a clinic-day: when its
/// activation awaited their answers, one clinic-day that could not answer held every search of its date for the 30 s
/// call timeout (docs/testing.md, the clinic-day stall). Reentrant: all it does is synchronous but that first wait.
/// </summary>
[GrainType("servicedayavailability")]
[Reentrant]
public sealed class ServiceDayAvailabilityGrain(CatalogRepository catalog, GrainReferences grains) : Grain, IServiceDayAvailabilityGrain
{
    /// <summary>How long after activation a read waits for clinic-days just woken: time for them to load on a busy
    /// silo, and less than a web host waits for a grain call (5 s).</summary>
    private static readonly TimeSpan WakeWait = TimeSpan.FromSeconds(3);

    private readonly Dictionary<Guid, LocationAvailability> _locations = new();
    private readonly TaskCompletionSource _allPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<Guid> _notYetPublished = [];
    private long _activatedAt;
    private string _serviceCode = "";
    private DateOnly _date;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_serviceCode, _date) = ServiceDayKey.Parse(this.GetPrimaryKeyString());
        _activatedAt = Stopwatch.GetTimestamp();
        var locationIds = await catalog.LocationsOfferingAsync(_serviceCode, _date, cancellationToken);
        _notYetPublished = locationIds.Where(id => !_locations.ContainsKey(id)).ToHashSet();
        if (_notYetPublished.Count == 0)
            _allPublished.TrySetResult();
        // Woken once this activation is done, not from inside it: they answer by publishing here.
        this.RegisterGrainTimer(WakeClinicDays, locationIds, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private async Task WakeClinicDays(IReadOnlyList<Guid> locationIds, CancellationToken cancellationToken)
    {
        await FirstTurn.Leave();
        foreach (var locationId in locationIds)
            grains.Get<ILocationDayGrain>(new LocationDayKey(locationId, _date).ToString()).Wake(_serviceCode).Ignore();
    }

    public Task Publish(LocationAvailability update)
    {
        Keep(update);
        if (_notYetPublished.Remove(update.LocationId) && _notYetPublished.Count == 0)
            _allPublished.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<ServiceDayAvailability> Snapshot()
    {
        // A clinic-day that cannot answer now leaves its clinic out of this answer; it publishes when it comes back.
        if (WakeWait - Stopwatch.GetElapsedTime(_activatedAt) is { Ticks: > 0 } left)
            await Task.WhenAny(_allPublished.Task, Task.Delay(left));
        return new ServiceDayAvailability(_serviceCode, _date, _locations.Values.ToList());
    }

    // Pushes may arrive out of order (one-way messages, re-activations): keep the newest.
    private void Keep(LocationAvailability update)
    {
        if (!_locations.TryGetValue(update.LocationId, out var current) || current.Version < update.Version)
            _locations[update.LocationId] = update;
    }
}
