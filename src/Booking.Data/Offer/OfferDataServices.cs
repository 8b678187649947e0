using Microsoft.Extensions.DependencyInjection;

namespace Booking.Data.Offer;

public static class OfferDataServices
{
    /// <summary>What the staff site reads and writes about the clinics' offer.</summary>
    public static IServiceCollection AddOfferData(this IServiceCollection services)
    {
        services.AddSingleton<TenantTree>();
        services.AddSingleton<LocationRepository>();
        services.AddSingleton<OfferAudit>();
        services.AddSingleton<ScheduleChangeMarks>();
        services.AddSingleton<ScheduleRepository>();
        services.AddSingleton<StrandedBookings>();
        services.AddSingleton<ServiceOfferRepository>();
        services.AddSingleton<CampaignRepository>();
        return services;
    }
}
