using Booking.ClusterClient.Availability;
using Booking.Data.Catalog;
using Booking.Domain.Catalog;
using Booking.Web.Availability;
using Microsoft.Extensions.Options;

namespace Booking.Web.Feed;

/// <summary>
/// The open availability feed of one web host: one edition shared by every request, rebuilt at most once per
/// <see cref="AvailabilityFeedOptions.Refresh"/> from what searches already read (the catalogue, and the service-day
/// snapshots the index grains hold), so finders polling it cost the cluster a few calls a minute, never PostgreSQL.
/// A stale edition is served while the next one is built; an edition whose files did not change keeps its
/// transaction time and ETags.
/// </summary>
public sealed class AvailabilityFeed(
    ReferenceData referenceData,
    AvailabilitySnapshots snapshots,
    IOptions<AvailabilityFeedOptions> options,
    TimeProvider clock,
    ILogger<AvailabilityFeed> logger)
{
    private readonly Lock _gate = new();
    private FeedEdition? _current;
    private Task<FeedEdition>? _rebuilding;

    public async Task<FeedEdition> CurrentAsync()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && clock.GetUtcNow() - current.CheckedAt < options.Value.Refresh)
            return current;
        Task<FeedEdition> rebuilding;
        lock (_gate)
        {
            if (_rebuilding is null || _rebuilding.IsCompleted)
                _rebuilding = Task.Run(() => RebuildAsync(current));
            rebuilding = _rebuilding;
        }
        // Only a host's very first request waits for a build; later ones get the previous edition meanwhile.
        return current ?? await rebuilding;
    }

    private async Task<FeedEdition> RebuildAsync(FeedEdition? previous)
    {
        try
        {
            var rebuilt = await BuildAsync(previous);
            Volatile.Write(ref _current, rebuilt);
            return rebuilt;
        }
        catch (Exception e) when (previous is not null)
        {
            logger.LogWarning(e, "The availability feed could not be rebuilt; the edition of {TransactionTime} is served until it can", previous.TransactionTime);
            return previous;
        }
    }

    private async Task<FeedEdition> BuildAsync(FeedEdition? previous)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var reference = await referenceData.GetAsync();
        var today = QuebecTime.Today(clock);
        var serviceDays = await Task.WhenAll(
            from offset in Enumerable.Range(0, settings.Days)
            from service in reference.Services.Keys
            select SlotsAsync(service, today.AddDays(offset)));
        var files = FeedDataSet.Files(reference, serviceDays, now, settings.BaseUri);
        if (previous is not null && previous.Holds(files))
            return previous with { CheckedAt = now };
        return new FeedEdition(now, BulkPublishManifest.For(now, settings.BaseUri, files), files.ToDictionary(f => f.Name, StringComparer.Ordinal), now);
    }

    private async Task<ServiceDaySlots> SlotsAsync(string serviceCode, DateOnly date) =>
        new(serviceCode, date, await snapshots.GetAsync(serviceCode, date));
}
