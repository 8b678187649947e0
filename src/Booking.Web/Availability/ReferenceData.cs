using Booking.Data.Catalog;
using Booking.Domain.Catalog;

namespace Booking.Web.Availability;

/// <summary>Services and clinics, read from PostgreSQL at most once a minute per web host: they change rarely and
/// every search needs them, so the booking peak never turns into catalogue queries.</summary>
public sealed class ReferenceData(CatalogRepository catalog, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _current;

    public sealed record Snapshot(IReadOnlyDictionary<string, Service> Services, IReadOnlyDictionary<Guid, Location> Locations, DateTimeOffset ReadAt);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.ReadAt < MaxAge)
            return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } refreshed && clock.GetUtcNow() - refreshed.ReadAt < MaxAge)
                return refreshed;
            var services = await catalog.ServicesAsync(cancellationToken);
            var locations = await catalog.LocationsAsync(cancellationToken);
            return _current = new Snapshot(services.ToDictionary(s => s.Code), locations.ToDictionary(l => l.Id), clock.GetUtcNow());
        }
        finally
        {
            _refresh.Release();
        }
    }
}
