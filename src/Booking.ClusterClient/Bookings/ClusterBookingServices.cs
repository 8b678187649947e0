using Booking.ClusterClient.Availability;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.ClusterClient.Bookings;

public static class ClusterBookingServices
{
    /// <summary>What every host that books through the cluster shares, so that the citizen site and the staff site hold,
    /// book and read free times by one set of rules.</summary>
    public static IServiceCollection AddClusterBooking(this IServiceCollection services)
    {
        services.AddSingleton<AvailabilitySnapshots>();
        services.AddSingleton<HoldKeys>();
        services.AddSingleton<HeldSlotConfirmation>();
        services.AddSingleton<GroupHolds>();
        services.AddSingleton<HeldGroupConfirmation>();
        return services;
    }
}
