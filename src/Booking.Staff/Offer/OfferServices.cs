using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.Offer;

public static class OfferServices
{
    /// <summary>The clinics' offer as staff edit it. Scoped: access is decided for the person of the current request (<see cref="Access.StaffAccess"/>).</summary>
    public static IServiceCollection AddStaffOffer(this IServiceCollection services)
    {
        services.AddScoped<ManagedOffer>();
        services.AddScoped<LocationEditing>();
        services.AddScoped<ScheduleChanges>();
        services.AddScoped<SchedulePreview>();
        services.AddSingleton<ActiveGrains>();
        services.AddScoped<TenantServices>();
        services.AddScoped<ServiceSettingEditing>();
        services.AddScoped<LocationServicesEditing>();
        services.AddScoped<CampaignEditing>();
        services.AddScoped<Bulk.BulkChanges>();
        services.AddScoped<Retention.TenantRetentionSettings>();
        return services;
    }
}
