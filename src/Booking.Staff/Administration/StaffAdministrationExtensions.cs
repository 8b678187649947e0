using Booking.Staff.SignIns;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.Administration;

public static class StaffAdministrationExtensions
{
    /// <summary>Account administration (directory, changes, guard) and the sign-in log. Needs <c>AddStaffAccounts</c>
    /// and <c>AddStaffAccess</c>.</summary>
    public static IServiceCollection AddStaffAdministration(this IServiceCollection services)
    {
        services.AddSingleton<StaffAccountDirectory>();
        services.AddSingleton<StaffSignInLog>();
        services.AddScoped<StaffAccountGuard>();
        services.AddScoped<StaffAccountChanges>();
        services.AddScoped<StaffInvitations>();
        services.AddScoped<StaffRoleApprovals>();
        services.AddScoped<StaffRightsQuery>();
        services.AddScoped<StaffRoleChanges>();
        return services;
    }
}
