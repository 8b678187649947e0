using Booking.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.ClinicDay;

public static class ClinicDayServices
{
    /// <summary>The front desk's services, and a pass verifier over the platform's published (public) keys only: the
    /// staff site checks passes as any clinic scanner could, and never signs one.</summary>
    public static IServiceCollection AddClinicDay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppointmentPassVerifier(configuration);
        services.AddScoped<ClinicDayBoard>();
        services.AddScoped<FrontDeskAttendance>();
        services.AddScoped<FrontDeskWalkIns>();
        services.AddScoped<ClinicBookingChanges>();
        services.AddSingleton<Bookings.ClinicDayFreeSlots>();
        services.AddScoped<Changes.StaffBookingChanges>();
        return services;
    }
}
