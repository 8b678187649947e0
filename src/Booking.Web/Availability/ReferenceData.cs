using Booking.Data.Catalog;
using Booking.Domain.Campaigns;
using Booking.Domain.Catalog;
using Booking.Domain.Screening;

namespace Booking.Web.Availability;

/// <summary>Services, clinics, screening questions and campaigns, read from PostgreSQL at most once a minute per web host: they change rarely and
/// every search needs them, so the booking peak never turns into catalogue queries.</summary>
public sealed class ReferenceData(CatalogRepository catalog, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _current;

    public sealed record Snapshot(
        IReadOnlyDictionary<string, Service> Services,
        IReadOnlyDictionary<Guid, Location> Locations,
        IReadOnlyDictionary<string, IReadOnlyList<ScreeningQuestion>> ScreeningQuestions,
        IReadOnlyList<Campaign> Campaigns,
        DateTimeOffset ReadAt)
    {
        /// <summary>The questions asked before booking a service, in order (none for most services).</summary>
        public IReadOnlyList<ScreeningQuestion> ScreeningOf(string serviceCode) =>
            ScreeningQuestions.TryGetValue(serviceCode, out var questions) ? questions : [];

        public IReadOnlyList<Campaign> CampaignsOf(string serviceCode) => Campaigns.Where(c => c.ServiceCode == serviceCode).ToList();
    }

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
            var screening = await catalog.ScreeningQuestionsAsync(cancellationToken);
            var campaigns = await catalog.CampaignsAsync(cancellationToken);
            return _current = new Snapshot(services.ToDictionary(s => s.Code), locations.ToDictionary(l => l.Id), screening, campaigns,
                clock.GetUtcNow());
        }
        finally
        {
            _refresh.Release();
        }
    }
}
