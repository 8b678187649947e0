using Booking.Data.Offer;
using Booking.Domain.Campaigns;
using Booking.Domain.Catalog;
using Booking.Domain.Screening;
using Microsoft.Extensions.Logging;

namespace Booking.Data.Catalog;

/// <summary>Services (as each clinic's tenant offers them), clinics, screening questions and campaigns, kept in memory per web host: they change rarely and every
/// search needs them, so the booking peak never turns into catalogue queries. Once a second at most, one cheap read of the
/// catalogue's revision (bumped by every change staff save) tells whether to read them again, so a clinic opened or
/// changed on the staff site is searchable within a second or so; they are read again after a minute whatever it says.
/// A host serving requests serves them the snapshot in hand while that check runs (one at a time, in the background), so
/// none queues behind it; when nothing was checked for <see cref="ServedUncheckedAtMost"/> (a host left idle, or a
/// database unreachable for that long) requests wait for the check, and see its outcome, as they would with no snapshot.</summary>
public sealed class ReferenceData(CatalogRepository catalog, ServiceOfferRepository offers, TimeProvider clock, ILogger<ReferenceData> logger) : IDisposable
{
    private static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ServedUncheckedAtMost = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _current;
    private long _checkedAtTicks;
    private int _checking;

    public sealed record Snapshot(
        IReadOnlyDictionary<string, Service> Services,
        IReadOnlyDictionary<Guid, Location> Locations,
        IReadOnlyDictionary<string, IReadOnlyList<ScreeningQuestion>> ScreeningQuestions,
        IReadOnlyList<Campaign> Campaigns,
        OfferedServices Offered,
        long Revision,
        DateTimeOffset ReadAt)
    {
        /// <summary>The catalogue's questions asked before booking a service, in order (none for most services).</summary>
        public IReadOnlyList<ScreeningQuestion> ScreeningOf(string serviceCode) =>
            ScreeningQuestions.TryGetValue(serviceCode, out var questions) ? questions : [];

        /// <summary>A service as a clinic offers it (see <see cref="OfferedServices"/>); null for a service or clinic that does not exist.</summary>
        public EffectiveService? ServiceAt(Guid locationId, string serviceCode) => Offered.At(locationId, serviceCode);

        /// <summary>The questions asked before booking a service at a clinic.</summary>
        public IReadOnlyList<ScreeningQuestion> ScreeningAt(Guid locationId, string serviceCode) =>
            ServiceAt(locationId, serviceCode)?.Screening.Value ?? ScreeningOf(serviceCode);

        /// <summary>The campaigns of a service that apply at a clinic: those of its tenant and of the tenants above it.</summary>
        public IReadOnlyList<Campaign> CampaignsAt(Guid locationId, string serviceCode)
        {
            var tenants = Offered.TenantsOf(locationId);
            return Campaigns.Where(c => c.ServiceCode == serviceCode && c.TenantId is { } tenant && tenants.Contains(tenant)).ToList();
        }
    }

    /// <summary>Asked by nearly every request: the snapshot is handed back with no task allocated, and without waiting
    /// for the revision check it may start.</summary>
    public ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not { } current)
            return new(RefreshAsync(cancellationToken));
        var sinceChecked = clock.GetUtcNow() - CheckedAt;
        if (sinceChecked < RevisionCheckInterval)
            return new(current);
        if (sinceChecked >= ServedUncheckedAtMost)
            return new(RefreshAsync(cancellationToken));
        if (Interlocked.Exchange(ref _checking, 1) == 0)
            _ = CheckInBackgroundAsync();
        return new(current);
    }

    private DateTimeOffset CheckedAt => new(Volatile.Read(ref _checkedAtTicks), TimeSpan.Zero);

    private async Task CheckInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The snapshot in hand is served meanwhile; the next request past the interval tries again.
            logger.LogWarning(e, "Reading the catalogue's revision failed; its last snapshot is still served");
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_current is { } refreshed && now - CheckedAt < RevisionCheckInterval)
                return refreshed;
            // The revision is read first: a change committed while the rest is read is then seen at the next check.
            var revision = await catalog.RevisionAsync(cancellationToken);
            Volatile.Write(ref _checkedAtTicks, now.UtcTicks);
            if (_current is { } current && current.Revision == revision && now - current.ReadAt < MaxAge)
                return current;
            var services = await catalog.ServicesAsync(cancellationToken);
            var locations = await catalog.LocationsAsync(cancellationToken);
            var screening = await catalog.ScreeningQuestionsAsync(cancellationToken);
            var campaigns = await catalog.CampaignsAsync(cancellationToken);
            var byCode = services.ToDictionary(s => s.Code);
            var byId = locations.ToDictionary(l => l.Id);
            var offered = new OfferedServices(byCode, byId, screening, await catalog.PreparationsAsync(cancellationToken), await offers.SnapshotAsync(cancellationToken));
            return _current = new Snapshot(byCode, byId, screening, campaigns, offered, revision, now);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
