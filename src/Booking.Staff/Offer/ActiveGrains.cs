using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Orleans.Runtime;

namespace Booking.Staff.Offer;

/// <summary>
/// Which inventory grains are active in the cluster, asked of every silo. A schedule change talks to the clinic-days
/// that are awake (their memory holds holds and confirmations under way) and leaves the others asleep: waking a year
/// of clinic-days would wake, through the availability index, every clinic offering the same services on those days.
/// </summary>
public sealed class ActiveGrains(IClusterClient cluster)
{
    public async Task<IReadOnlyList<LocationDayKey>> ClinicDaysAsync(Guid locationId)
    {
        var type = cluster.GetGrain<ILocationDayGrain>(new LocationDayKey(locationId, default).ToString()).GetGrainId().Type;
        return (await Management.GetActiveGrains(type))
            .Select(id => LocationDayKey.Parse(id.Key.ToString()!))
            .Where(key => key.LocationId == locationId)
            .ToList();
    }

    public async Task<IReadOnlyList<(string ServiceCode, DateOnly Date)>> ServiceDaysAsync()
    {
        var type = cluster.GetGrain<IServiceDayAvailabilityGrain>(ServiceDayKey.For("X", default)).GetGrainId().Type;
        return (await Management.GetActiveGrains(type)).Select(id => ServiceDayKey.Parse(id.Key.ToString()!)).ToList();
    }

    private IManagementGrain Management => cluster.GetGrain<IManagementGrain>(0);
}
