using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.ContactCentre;

public static class ContactCentreServices
{
    public static IServiceCollection AddContactCentre(this IServiceCollection services)
    {
        services.AddSingleton<CallerBookingQuery>();
        services.AddScoped<ContactCentreDesk>();
        return services;
    }
}
