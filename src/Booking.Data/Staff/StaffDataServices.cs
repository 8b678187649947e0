using Booking.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Data.Staff;

public static class StaffDataServices
{
    /// <summary>The staff site's data access: scope, bookings and callers' bookings, accounts, rights and invitations, sessions, sign-in log, recovery codes, key ring, demo roles.</summary>
    public static IServiceCollection AddStaffData(this IServiceCollection services)
    {
        services.AddSingleton<StaffScopeRepository>();
        services.AddSingleton<StaffAccountRepository>();
        services.AddSingleton<StaffBookingRepository>();
        services.AddSingleton<StaffRightsRepository>();
        services.AddSingleton<StaffInvitationRepository>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<AccountSuspension>();
        services.AddSingleton<AuthenticatorSteps>();
        services.AddSingleton<RecoveryCodeRepository>();
        services.AddSingleton<SignInLogRepository>();
        services.AddSingleton<DataProtectionKeys>();
        services.AddSingleton<DemoStaffRoles>();
        return services;
    }
}
