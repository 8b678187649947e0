using Booking.Domain.Citizens;
using Booking.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // The booking site's checks of a person's details, for a walk-in.
        services.TryAddSingleton<CitizenValidator>();
        services.AddScoped<FrontDeskWalkIns>();
        services.AddScoped<ClinicBookingChanges>();
        services.AddSingleton<Bookings.ClinicDayFreeSlots>();
        services.AddScoped<Changes.StaffBookingChanges>();
        return services;
    }
}
