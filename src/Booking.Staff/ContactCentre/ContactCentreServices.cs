using Booking.ClusterClient.Bookings;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Domain.Citizens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Staff.ContactCentre;

public static class ContactCentreServices
{
    public static IServiceCollection AddContactCentre(this IServiceCollection services)
    {
        services.AddScoped<ContactCentreDesk>();
        // The booking site's own checks, for a booking the agent makes on a caller's behalf.
        services.TryAddSingleton<ReferenceData>();
        services.TryAddSingleton<EligibilityGate>();
        services.TryAddSingleton<CitizenValidator>();
        services.AddClusterBooking();
        services.AddScoped<AgentBookings>();
        return services;
    }
}
