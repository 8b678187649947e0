using Orleans.Concurrency;

namespace Booking.Grains.Availability;

/// <summary>
/// The read side of inventory for one service on one date (key: <c>SERVICE/yyyy-MM-dd</c>): clinic-day grains
/// push what they have left; web hosts read the whole picture in one call and cache it for a second, so
/// searching never touches PostgreSQL and never queues behind bookings in the inventory grains.
/// </summary>
[Alias("booking.ServiceDayAvailability")]
public interface IServiceDayAvailabilityGrain : IGrainWithStringKey
{
    [OneWay, Alias("Publish")]
    Task Publish(LocationAvailability update);

    [Alias("Snapshot")]
    Task<ServiceDayAvailability> Snapshot();
}

public static class ServiceDayKey
{
    public static string For(string serviceCode, DateOnly date) => $"{serviceCode}/{date:yyyy-MM-dd}";

    public static (string ServiceCode, DateOnly Date) Parse(string key)
    {
        var parts = key.Split('/');
        return (parts[0], DateOnly.ParseExact(parts[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
