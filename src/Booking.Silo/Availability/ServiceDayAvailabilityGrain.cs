using Booking.Data.Catalog;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;

namespace Booking.Silo.Availability;

/// <summary>
/// Holds the latest availability each clinic pushed for one service and date. Soft state: on activation it asks
/// every clinic-day that may offer the service, so a fresh or failed-over index is complete before its first read.
/// </summary>
[GrainType("servicedayavailability")]
public sealed class ServiceDayAvailabilityGrain(CatalogRepository catalog, ILogger<ServiceDayAvailabilityGrain> logger)
    : Grain, IServiceDayAvailabilityGrain
{
    private readonly Dictionary<Guid, LocationAvailability> _locations = new();
    private string _serviceCode = "";
    private DateOnly _date;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_serviceCode, _date) = ServiceDayKey.Parse(this.GetPrimaryKeyString());
        var locationIds = await catalog.LocationsOfferingAsync(_serviceCode, _date, cancellationToken);
        var answers = await Task.WhenAll(locationIds.Select(id => AskClinicDay(id)));
        foreach (var answer in answers.OfType<LocationAvailability>())
            Keep(answer);
    }

    private async Task<LocationAvailability?> AskClinicDay(Guid locationId)
    {
        try
        {
            return await GrainFactory.GetGrain<ILocationDayGrain>(new LocationDayKey(locationId, _date).ToString()).Availability(_serviceCode);
        }
        catch (Exception e)
        {
            // One unreachable clinic must not hide all the others; it will publish when it comes back.
            logger.LogWarning(e, "Clinic {LocationId} did not answer for {Service} on {Date}", locationId, _serviceCode, _date);
            return null;
        }
    }

    public Task Publish(LocationAvailability update)
    {
        Keep(update);
        return Task.CompletedTask;
    }

    public Task<ServiceDayAvailability> Snapshot() =>
        Task.FromResult(new ServiceDayAvailability(_serviceCode, _date, _locations.Values.ToList()));

    // Pushes may arrive out of order (one-way messages, re-activations): keep the newest.
    private void Keep(LocationAvailability update)
    {
        if (!_locations.TryGetValue(update.LocationId, out var current) || current.Version < update.Version)
            _locations[update.LocationId] = update;
    }
}
